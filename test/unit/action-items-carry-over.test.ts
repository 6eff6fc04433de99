// Carry-over, as a pure rule: which items a meeting's follow-ups list, and where each comes from.
import { describe, expect, it } from 'vitest';
import { carriedFrom, selectFollowUps, type CarryRow } from '../../server/domain/action-items/carry-over';

const d = (iso: string) => new Date(iso);
const m1 = { id: 'm1', startsAt: d('2026-03-01T13:30:00Z') };
const m2 = { id: 'm2', startsAt: d('2026-03-16T13:30:00Z') };
const m3 = { id: 'm3', startsAt: d('2026-03-31T13:30:00Z') };
const m1Closed = d('2026-03-01T15:00:00Z');

const item = (id: string, over: Partial<CarryRow> = {}): CarryRow => ({
	id,
	meetingId: 'm1',
	status: 'OPEN',
	doneAt: null,
	origin: { startsAt: m1.startsAt },
	lastReport: 'OPEN',
	...over
});
const ids = (rows: CarryRow[]) => rows.map((r) => r.id).sort();

describe('follow-ups of the next meeting', () => {
	it('lists what is still open from earlier meetings and between them, and what was made here separately', () => {
		const items = [
			item('open'),
			item('blocked', { status: 'BLOCKED' }),
			item('between', { meetingId: null, origin: null, lastReport: null }),
			item('made-here', { meetingId: 'm2', origin: { startsAt: m2.startsAt }, lastReport: null })
		];
		const { carried, created } = selectFollowUps(items, m2, m1Closed);
		expect(ids(carried)).toEqual(['between', 'blocked', 'open']);
		expect(ids(created)).toEqual(['made-here']);
	});

	it('shows work finished since the previous meeting as done, once', () => {
		const doneSince = item('done-since', { status: 'DONE', doneAt: d('2026-03-10T09:00:00Z') });
		const doneBefore = item('done-in-m1', { status: 'DONE', doneAt: d('2026-03-01T14:00:00Z'), lastReport: 'DONE' });
		expect(ids(selectFollowUps([doneSince, doneBefore], m2, m1Closed).carried)).toEqual(['done-since']);
		// At the meeting after, m2 recorded it done: it is not carried again.
		const m2Closed = d('2026-03-16T15:00:00Z');
		const recorded = { ...doneSince, lastReport: 'DONE' as const };
		expect(selectFollowUps([recorded], m3, m2Closed).carried).toEqual([]);
	});

	it('still reports done work that the previous meeting recorded as open (finished while it closed)', () => {
		const raced = item('raced', { status: 'DONE', doneAt: d('2026-03-01T14:59:59Z'), lastReport: 'IN_PROGRESS' });
		expect(ids(selectFollowUps([raced], m2, m1Closed).carried)).toEqual(['raced']);
	});

	it('keeps carrying open work across several meetings, and lists every done item when there was no previous meeting', () => {
		const old = item('old');
		expect(ids(selectFollowUps([old], m3, d('2026-03-16T15:00:00Z')).carried)).toEqual(['old']);
		const done = item('done', { meetingId: null, origin: null, status: 'DONE', doneAt: d('2026-02-01T00:00:00Z'), lastReport: null });
		expect(ids(selectFollowUps([done], m1, null).carried)).toEqual(['done']);
	});

	it('does not carry an item back into an earlier meeting that is still scheduled', () => {
		const fromM3 = item('later', { meetingId: 'm3', origin: { startsAt: m3.startsAt } });
		expect(selectFollowUps([fromM3], m2, m1Closed)).toEqual({ carried: [], created: [] });
	});
});

describe('where an item comes from', () => {
	it('names the latest earlier meeting that recorded it, and counts the times it was recorded open', () => {
		const reports = [
			{ meetingId: 'm1', startsAt: m1.startsAt, status: 'OPEN' as const },
			{ meetingId: 'm2', startsAt: m2.startsAt, status: 'BLOCKED' as const }
		];
		expect(carriedFrom(reports, { meetingId: 'm1', startsAt: m1.startsAt }, m3)).toEqual({
			from: { meetingId: 'm2', startsAt: m2.startsAt },
			times: 2
		});
	});

	it('falls back to the meeting it was made in, and to nothing for work made between meetings', () => {
		expect(carriedFrom([], { meetingId: 'm1', startsAt: m1.startsAt }, m2)).toEqual({
			from: { meetingId: 'm1', startsAt: m1.startsAt },
			times: 0
		});
		expect(carriedFrom([], null, m2)).toEqual({ from: null, times: 0 });
		expect(carriedFrom([], { meetingId: 'm2', startsAt: m2.startsAt }, m2)).toEqual({ from: null, times: 0 });
	});
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../server/domain/minutes/canonical';
import { corrected } from '../../server/domain/minutes/minutes';
import { secondsPerItem } from '../../server/domain/minutes/assemble';
import { minutesSearchText } from '../../server/domain/minutes/search-text';
import { MINUTES_FORMAT, type MinutesRecord } from '../../shared/minutes';

const record: MinutesRecord = {
	format: MINUTES_FORMAT,
	meeting: {
		id: 'm',
		groupId: 'g',
		groupName: 'کارگروه',
		startsAt: '2026-11-26T10:00:00.000Z',
		startedAt: null,
		closedAt: null,
		place: '',
		link: '',
		timeZone: 'Asia/Tehran'
	},
	attendance: [{ personId: 'p', name: 'مریم', side: 'EXPERT', checkedInAt: '2026-11-26T10:00:00.000Z' }],
	quorum: { met: true, present: 1, eligible: 1, sidesPresent: ['EXPERT'], sidesNeeded: 1 },
	agenda: [{ id: 'a1', title: 'Budget', presenter: '', side: null, plannedMinutes: 10, spentSeconds: 30, notes: 'نخست', proposalId: null }],
	speakers: [],
	spokenBySide: { ENTREPRENEUR: 0, EXPERT: 0, AGENCY: 0, LEGAL: 0, MEDIA: 0, EXECUTOR: 0 },
	votes: [],
	decisions: [
		{
			id: 'd1',
			proposalId: null,
			proposalTitle: null,
			method: 'CONSENSUS',
			outcome: 'APPROVED',
			text: 'ok',
			decidedAt: '2026-11-26T10:30:00.000Z'
		}
	],
	actionItems: [],
	remarks: ''
};

describe('minutes content', () => {
	it('hashes the same record the same way whatever the key order', () => {
		const shuffled = Object.fromEntries(Object.entries(record).reverse()) as unknown as MinutesRecord;
		expect(canonicalJson(shuffled)).toBe(canonicalJson(record));
		expect(contentHash(canonicalJson(shuffled))).toBe(contentHash(canonicalJson(record)));
		expect(contentHash(canonicalJson({ ...record, remarks: 'x' }))).not.toBe(contentHash(canonicalJson(record)));
	});

	it('applies corrections to wording and leaves everything else as recorded', () => {
		const fixed = corrected(record, {
			remarks: 'late start',
			agenda: [{ id: 'a1', title: 'Budget 1406', notes: 'اول' }],
			decisions: [{ id: 'd1', text: 'approved unanimously' }]
		});
		expect(fixed.agenda[0]).toMatchObject({ title: 'Budget 1406', notes: 'اول', spentSeconds: 30, plannedMinutes: 10 });
		expect(fixed.decisions[0]).toMatchObject({ text: 'approved unanimously', outcome: 'APPROVED' });
		expect(fixed.remarks).toBe('late start');
		expect(fixed.attendance).toEqual(record.attendance);
		expect(corrected(record, {})).toEqual(record);
	});

	it('adds up the time each item was current, counting an open span to now', () => {
		const t = (s: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, s));
		const spent = secondsPerItem(
			[
				{ itemId: 'a', startedAt: t(0), endedAt: t(60) },
				{ itemId: 'b', startedAt: t(60), endedAt: t(90) },
				{ itemId: 'a', startedAt: t(90), endedAt: null }
			],
			t(100)
		);
		expect(Object.fromEntries(spent)).toEqual({ a: 70, b: 30 });
	});

	it('makes the agenda, notes and decisions searchable', () => {
		const text = minutesSearchText(record);
		expect(text.body).toContain('Budget');
		expect(text.body).toContain('نخست');
		expect(text.body).toContain('ok');
		expect(text.title).toContain('کارگروه');
	});
});

// The meeting domain against a real (seeded) database: series, occurrences, lifecycle,
// queue and attendance rules, and the snapshot that joins everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import {
	ensureOccurrences,
	HORIZON,
	resetCalendarToken,
	saveSeries,
	SeriesInput,
	seriesSettings
} from '../../server/domain/meetings/series';
import { cancelOccurrence, moveOccurrence, restoreOccurrence } from '../../server/domain/meetings/occurrences';
import { closeMeeting, setCurrentItem, startMeeting } from '../../server/domain/meetings/lifecycle';
import { raiseHand, runQueue } from '../../server/domain/meetings/queue';
import { checkIn, markAttendance } from '../../server/domain/meetings/attendance';
import { runTimer } from '../../server/domain/meetings/timer';
import { joinMeeting, meetingState } from '../../server/domain/meetings/state';
import { groupMeetings, upcomingForActor } from '../../server/domain/meetings/listing';
import { toLocal } from '../../server/domain/meetings/zoned-time';
import { actorFor, seededDatabase } from '../support/meeting-fixture';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let groupId: string;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	groupId = (await db.group.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
	for (const who of ['moderator', 'member', 'observer', 'executor', 'admin']) actors[who] = await actorFor(db, who);
});
afterAll(async () => fixture?.dispose());

const seriesOf = () => db.meetingSeries.findUniqueOrThrow({ where: { groupId } });
const scheduled = () => db.meeting.findMany({ where: { groupId, status: { not: 'CLOSED' } }, orderBy: { startsAt: 'asc' } });
const form = (over: Partial<Record<string, string>> = {}) =>
	SeriesInput.parse({
		date: '2027-01-10',
		time: '16:30',
		timeZone: 'Asia/Tehran',
		cadenceDays: '15',
		durationMinutes: '90',
		place: 'Hall A',
		link: '',
		...over
	});

describe('series and occurrences', () => {
	it('materialises the next occurrences once, even when asked concurrently', async () => {
		const series = await seriesOf();
		await Promise.all([ensureOccurrences(db, series.id), ensureOccurrences(db, series.id), ensureOccurrences(db, series.id)]);
		const rows = await db.meeting.findMany({ where: { seriesId: series.id } });
		expect(rows).toHaveLength(HORIZON);
		expect(rows.map((r) => r.sequence).sort()).toEqual([0, 1, 2, 3]);
		for (const r of rows) expect(toLocal(r.startsAt, 'Asia/Tehran')).toMatchObject({ hour: 17, minute: 0 });
	});

	it('lets only moderators change the series, and validates the form', async () => {
		await expect(saveSeries(db, actors.member, groupId, form())).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(saveSeries(db, actors.observer, groupId, form())).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect(SeriesInput.safeParse({ ...form(), date: '2027-02-30', time: '10:00', cadenceDays: '15', durationMinutes: '90' }).success).toBe(
			false
		);
		expect(
			SeriesInput.safeParse({ date: '2027-01-10', time: '10:00', timeZone: 'Nowhere/City', cadenceDays: '15', durationMinutes: '90' })
				.success
		).toBe(false);
		expect(
			SeriesInput.safeParse({
				date: '2027-01-10',
				time: '10:00',
				timeZone: 'UTC',
				cadenceDays: '15',
				durationMinutes: '90',
				link: 'javascript:alert(1)'
			}).success
		).toBe(false);
	});

	it('updates place and link on upcoming meetings without re-timing them when the rhythm is kept', async () => {
		const before = await scheduled();
		const next = await seriesSettings(db, groupId);
		await saveSeries(
			db,
			actors.moderator,
			groupId,
			// The series' own rhythm as the form shows it (the demo's: every two weeks on a weekday).
			form({
				date: next!.date,
				time: next!.time,
				rhythm: next!.rhythm,
				weeks: String(next!.weeks),
				weekday: String(next!.weekday),
				cadenceDays: String(next!.cadenceDays),
				place: 'Room 7',
				link: 'https://meet.example/r7'
			})
		);
		const after = await scheduled();
		expect(after.map((m) => [m.id, m.startsAt.toISOString()])).toEqual(before.map((m) => [m.id, m.startsAt.toISOString()]));
		expect(after.every((m) => m.place === 'Room 7' && m.link === 'https://meet.example/r7')).toBe(true);
	});

	it('moves, cancels and restores one occurrence; moved and cancelled ones survive a change of rhythm', async () => {
		const [first, second, third] = await scheduled();
		await expect(moveOccurrence(db, actors.member, second.id, { date: '2027-01-01', time: '10:00' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await moveOccurrence(db, actors.moderator, second.id, { date: '2027-01-01', time: '10:00' });
		await cancelOccurrence(db, actors.moderator, third.id);
		await expect(cancelOccurrence(db, actors.moderator, third.id)).rejects.toMatchObject({ code: 'CONFLICT' });
		const moved = await db.meeting.findUniqueOrThrow({ where: { id: second.id } });
		expect(moved.startsAt.toISOString()).toBe('2027-01-01T06:30:00.000Z');
		expect(moved.movedAt).not.toBeNull();

		// New rhythm: weekly on Sundays at 16:30, from 10 January 2027.
		await saveSeries(db, actors.moderator, groupId, form({ date: '2027-01-10', time: '16:30', cadenceDays: '7' }));
		const rows = await scheduled();
		const byId = new Map(rows.map((m) => [m.id, m]));
		expect(byId.get(second.id)?.startsAt.toISOString()).toBe('2027-01-01T06:30:00.000Z');
		expect(byId.get(third.id)?.status).toBe('CANCELLED');
		// The first (regular) meeting kept its id, so its agenda, and took the new first slot.
		expect(byId.get(first.id)?.startsAt.toISOString()).toBe('2027-01-10T13:00:00.000Z');
		const regular = rows.filter((m) => m.sequence !== null).map((m) => m.startsAt.toISOString());
		expect(regular.slice(0, 3)).toEqual(['2027-01-10T13:00:00.000Z', '2027-01-17T13:00:00.000Z', '2027-01-24T13:00:00.000Z']);
		expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).cadenceDays).toBe(7);

		await restoreOccurrence(db, actors.moderator, third.id);
		expect((await db.meeting.findUniqueOrThrow({ where: { id: third.id } })).status).toBe('SCHEDULED');
	});

	it('lists upcoming and past meetings for readers, and refuses strangers', async () => {
		const list = await groupMeetings(db, actors.observer, groupId);
		expect(list.upcoming.length).toBeGreaterThanOrEqual(HORIZON);
		expect(list.series?.calendarToken).toMatch(/^[\w-]{32}$/);
		const dashboard = await upcomingForActor(db, actors.member);
		expect(dashboard.length).toBeGreaterThan(0);
		expect(dashboard.map((m) => m.startsAt.getTime())).toEqual([...dashboard].map((m) => m.startsAt.getTime()).sort((a, b) => a - b));
		const old = list.series!.calendarToken;
		await expect(resetCalendarToken(db, actors.member, groupId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await resetCalendarToken(db, actors.moderator, groupId);
		expect((await seriesOf()).calendarToken).not.toBe(old);
	});
});

describe('running a meeting', () => {
	let meetingId: string;
	let otherId: string;
	beforeAll(async () => {
		[{ id: meetingId }, { id: otherId }] = await scheduled();
	});

	it('starts only by a moderator, once, one live meeting per group', async () => {
		await expect(startMeeting(db, actors.member, { meetingId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(startMeeting(db, actors.observer, { meetingId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(raiseHand(db, actors.member, { meetingId, raised: true })).rejects.toMatchObject({ code: 'CONFLICT' });
		await startMeeting(db, actors.moderator, { meetingId });
		await expect(startMeeting(db, actors.moderator, { meetingId })).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(startMeeting(db, actors.moderator, { meetingId: otherId })).rejects.toMatchObject({ code: 'CONFLICT' });
		expect((await meetingState(db, meetingId)).meeting.status).toBe('LIVE');
	});

	it('runs the queue: raise, lower, next, move, remove; observers cannot raise a hand', async () => {
		await expect(raiseHand(db, actors.observer, { meetingId, raised: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await raiseHand(db, actors.member, { meetingId, raised: true });
		await raiseHand(db, actors.member, { meetingId, raised: true }); // harmless twice
		await raiseHand(db, actors.executor, { meetingId, raised: true });
		await raiseHand(db, actors.moderator, { meetingId, raised: true });
		let state = await meetingState(db, meetingId);
		expect(state.queue.map((t) => t.side)).toEqual(['ENTREPRENEUR', 'EXECUTOR', 'EXPERT']);
		await expect(runQueue(db, actors.member, { meetingId, action: 'next' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

		await runQueue(db, actors.moderator, { meetingId, action: 'move', turnId: state.queue[2].turnId, toIndex: 0 });
		state = await meetingState(db, meetingId);
		expect(state.queue.map((t) => t.side)).toEqual(['EXPERT', 'ENTREPRENEUR', 'EXECUTOR']);

		await runQueue(db, actors.moderator, { meetingId, action: 'next' });
		state = await meetingState(db, meetingId);
		expect(state.speaker?.side).toBe('EXPERT');
		await expect(raiseHand(db, actors.moderator, { meetingId, raised: true })).rejects.toMatchObject({ code: 'CONFLICT' });

		await raiseHand(db, actors.member, { meetingId, raised: false });
		state = await meetingState(db, meetingId);
		expect(state.queue.map((t) => t.side)).toEqual(['EXECUTOR']);
		await expect(runQueue(db, actors.moderator, { meetingId, action: 'remove', turnId: 'nope' })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await runQueue(db, actors.moderator, { meetingId, action: 'remove', turnId: state.queue[0].turnId });
		await runQueue(db, actors.moderator, { meetingId, action: 'next' });
		state = await meetingState(db, meetingId);
		expect(state.speaker).toBeNull();
		expect(state.queue).toEqual([]);
		expect(state.spokenSec.EXPERT).toBeGreaterThanOrEqual(0);
		expect(Object.keys(state.spokenSec)).toHaveLength(6);
	});

	it('takes attendance: members check in, the moderator marks others, quorum follows the rule', async () => {
		await expect(checkIn(db, actors.observer, { meetingId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await checkIn(db, actors.member, { meetingId });
		await checkIn(db, actors.executor, { meetingId });
		let state = await meetingState(db, meetingId);
		expect(state.quorum).toMatchObject({ present: 2, eligible: 11, needed: 6, sidesNeeded: 4, met: false });
		await expect(markAttendance(db, actors.member, { meetingId, personId: state.roster[0].personId, present: true })).rejects.toMatchObject(
			{
				code: 'FORBIDDEN'
			}
		);
		await expect(markAttendance(db, actors.moderator, { meetingId, personId: 'someone-else', present: true })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		for (const r of state.roster.filter((r) => ['EXPERT', 'AGENCY', 'LEGAL', 'MEDIA'].includes(r.side) && r.role !== 'OBSERVER')) {
			await markAttendance(db, actors.moderator, { meetingId, personId: r.personId, present: true });
		}
		state = await meetingState(db, meetingId);
		expect(state.quorum.met).toBe(true);
		expect(state.quorum.sidesPresent).toEqual(['ENTREPRENEUR', 'EXPERT', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR']);
		expect(state.attendance.find((a) => a.side === 'ENTREPRENEUR')?.markedByModerator).toBe(false);
		expect(state.attendance.find((a) => a.side === 'LEGAL')?.markedByModerator).toBe(true);
		await checkIn(db, actors.member, { meetingId, present: false });
		expect((await meetingState(db, meetingId)).attendance.some((a) => a.side === 'ENTREPRENEUR')).toBe(false);
	});

	it('closes: the floor ends, hands go down, the timer stops, nothing more changes', async () => {
		await setCurrentItem(db, actors.moderator, { meetingId, itemId: 'item-a' });
		await runTimer(db, actors.moderator, { meetingId, action: 'start', itemId: 'item-a', durationSec: 600 });
		await raiseHand(db, actors.member, { meetingId, raised: true });
		await runQueue(db, actors.moderator, { meetingId, action: 'next' });
		await raiseHand(db, actors.executor, { meetingId, raised: true });
		// Another current item clears a timer kept for the previous one.
		await setCurrentItem(db, actors.moderator, { meetingId, itemId: 'item-b' });
		expect((await meetingState(db, meetingId)).timer).toBeNull();
		await runTimer(db, actors.moderator, { meetingId, action: 'start', itemId: 'item-b', durationSec: 600 });

		await closeMeeting(db, actors.moderator, { meetingId });
		const state = await meetingState(db, meetingId);
		expect(state.meeting.status).toBe('CLOSED');
		expect(state.speaker).toBeNull();
		expect(state.queue).toEqual([]);
		expect(state.timer?.startedAt).toBeNull();
		expect(state.spokenSec.ENTREPRENEUR).toBeGreaterThanOrEqual(0);
		await expect(runTimer(db, actors.moderator, { meetingId, action: 'reset' })).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(checkIn(db, actors.member, { meetingId })).rejects.toMatchObject({ code: 'CONFLICT' });
		// Each change bumped the version; a failed one did not.
		expect(state.version).toBeGreaterThan(10);
	});

	it('answers a join with the state and the viewer, and NOT_FOUND for unknown meetings', async () => {
		const joined = await joinMeeting(db, actors.observer, meetingId);
		expect(joined.viewer).toMatchObject({ role: 'OBSERVER', canModerate: false, canParticipate: false });
		expect((await joinMeeting(db, actors.admin, meetingId)).viewer).toMatchObject({ canModerate: true, canParticipate: false });
		await expect(joinMeeting(db, actors.member, 'no-such-meeting')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

export type { Database };

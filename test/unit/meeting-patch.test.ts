// The live room's patches: a client that applies the patch from what it holds ends with
// exactly what the server read, whatever changed in between; a patch that does not follow
// what the client holds is refused; and patches that arrive while joining wait.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	applyMeetingPatch,
	meetingPatch,
	zeroBySide,
	type AttendanceEntry,
	type MeetingRoomView,
	type MeetingSnapshot,
	type RosterEntry
} from '../../shared/meeting-state';
import { MeetingRoomFollower } from '../../shared/meeting-room-follower';
import { SIDES } from '../../shared/sides';
import type { PresenceEntry } from '../../shared/acks';

const person = (n: number) => `p${n}`;

function snapshot(
	version: number,
	roster: RosterEntry[],
	attendance: AttendanceEntry[],
	currentItemId: string | null = null
): MeetingSnapshot {
	return {
		version,
		serverNow: new Date(1_800_000_000_000 + version).toISOString(),
		meeting: {
			id: 'm1',
			groupId: 'g1',
			groupName: 'Group',
			startsAt: '2026-12-01T10:00:00.000Z',
			durationMinutes: 90,
			place: '',
			link: '',
			timeZone: 'Asia/Tehran',
			status: 'LIVE',
			startedAt: '2026-12-01T10:00:00.000Z',
			closedAt: null
		},
		currentItemId,
		timer: null,
		speaker: null,
		queue: [],
		spokenSec: zeroBySide(),
		roster,
		attendance,
		quorum: { present: attendance.length, eligible: roster.length, needed: 1, sidesPresent: [], sidesNeeded: 0, met: true },
		followUps: {
			meetingId: 'm1',
			groupId: 'g1',
			stamp: version,
			frozen: false,
			asOf: '2026-12-01T10:00:00.000Z',
			timeZone: 'Asia/Tehran',
			carried: [],
			created: [],
			suggestedDue: null,
			decisions: []
		}
	};
}

/** A room drawn from a few ids: who is seated (and on which side), who checked in and when, who is online. */
const room = fc
	.record({
		seated: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 30 }),
		sides: fc.array(fc.constantFrom(...SIDES), { minLength: 31, maxLength: 31 }),
		checkedIn: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 30 }),
		minutes: fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 31, maxLength: 31 }),
		online: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 30 }),
		version: fc.integer({ min: 1, max: 1000 }),
		item: fc.option(fc.constantFrom('a', 'b', 'c'))
	})
	.map(({ seated, sides, checkedIn, minutes, online, version, item }) => {
		const roster = seated.map((n) => ({ personId: person(n), name: `Name ${n}`, side: sides[n], role: 'MEMBER' as const }));
		const attendance = checkedIn
			.map((n) => ({
				personId: person(n),
				name: `Name ${n}`,
				side: sides[n],
				checkedInAt: `2026-12-01T10:${String(minutes[n]).padStart(2, '0')}:00.000Z`,
				markedByModerator: n % 2 === 0
			}))
			.sort((a, b) => (a.checkedInAt < b.checkedInAt ? -1 : a.checkedInAt > b.checkedInAt ? 1 : 0));
		const present: PresenceEntry[] = online.map((n) => ({ userId: `u${n}`, name: `Name ${n}`, side: sides[n] }));
		return { state: snapshot(version, roster, attendance, item), present };
	});

const sortedByKey = <T extends { personId: string }>(list: T[]) => [...list].sort((a, b) => a.personId.localeCompare(b.personId));

describe('meeting room patches', () => {
	it('bring a client from one room to the next, whatever changed', () => {
		fc.assert(
			fc.property(room, room, (from, to) => {
				const held: MeetingRoomView = { ...from, tag: 't1' };
				const patch = meetingPatch(held, to, 't2');
				const after = patch ? applyMeetingPatch(held, patch) : held;
				expect(after).not.toBeNull();
				if (!patch) {
					expect({ ...to.state, serverNow: '' }).toEqual({ ...from.state, serverNow: '' });
					return;
				}
				expect(after!.tag).toBe('t2');
				// Everything but the follow-ups' read time, which a patch does not carry by itself.
				const small = (x: MeetingSnapshot) => ({ ...x, roster: [], attendance: [], followUps: { ...x.followUps, stamp: 0, asOf: '' } });
				expect(small(after!.state)).toEqual(small(to.state));
				// The roster keeps the server's order for everyone who stayed; attendance is in check-in order.
				expect(sortedByKey(after!.state.roster)).toEqual(sortedByKey(to.state.roster));
				expect(after!.state.attendance.map((a) => a.checkedInAt)).toEqual(to.state.attendance.map((a) => a.checkedInAt));
				expect(sortedByKey(after!.state.attendance)).toEqual(sortedByKey(to.state.attendance));
				expect([...after!.present].sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
					[...to.present].sort((a, b) => a.userId.localeCompare(b.userId))
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('carry only what changed: one check-in in a room of 500 is a small message', () => {
		const roster = Array.from({ length: 500 }, (_, n) => ({
			personId: person(n),
			name: `Name ${n}`,
			side: SIDES[n % 6],
			role: 'MEMBER' as const
		}));
		const attendance = roster.slice(0, 499).map((r, n) => ({
			...r,
			checkedInAt: new Date(1_800_000_000_000 + n * 1000).toISOString(),
			markedByModerator: false
		}));
		const from: MeetingRoomView = {
			state: snapshot(
				1,
				roster,
				attendance.slice(0, 498).map(({ role: _, ...a }) => a)
			),
			present: [],
			tag: 't1'
		};
		const to = {
			state: snapshot(
				2,
				roster,
				attendance.map(({ role: _, ...a }) => a)
			),
			present: []
		};
		const patch = meetingPatch(from, to, 't2')!;
		expect(patch.roster).toBeUndefined();
		expect(patch.attendance).toEqual({ set: [to.state.attendance[498]], removed: [] });
		// Of the small parts, only what changed: the quorum (and the follow-ups' read time moving is no change).
		expect(Object.keys(patch.core).sort()).toEqual(['quorum', 'serverNow', 'version']);
		expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(to.state).length / 20);
	});

	it('sends nothing when only the clock moved', () => {
		const state = snapshot(3, [], []);
		const held: MeetingRoomView = { state, present: [], tag: 't1' };
		expect(meetingPatch(held, { state: { ...state, serverNow: new Date().toISOString() }, present: [] }, 't2')).toBeNull();
	});

	it('refuse a patch that follows another broadcast than the one held', () => {
		const held: MeetingRoomView = { state: snapshot(1, [], []), present: [], tag: 'a:1' };
		const patch = meetingPatch({ ...held, tag: 'b:7' }, { state: snapshot(2, [], [], 'a'), present: [] }, 'b:8')!;
		expect(applyMeetingPatch(held, patch)).toBeNull();
		const follower = new MeetingRoomFollower();
		follower.take(held);
		expect(follower.patch(patch)).toBe('rejoin');
		expect(follower.view).toBe(held);
	});

	it('hold patches that arrive while joining and apply those that follow the answer', () => {
		const first: MeetingRoomView = { state: snapshot(1, [], []), present: [], tag: 'n:1' };
		const second = { state: snapshot(2, [], [], 'a'), present: [] };
		const third = { state: snapshot(3, [], [], 'b'), present: [] };
		const stale = meetingPatch({ state: snapshot(0, [], []), present: [], tag: 'n:0' }, first, 'n:1')!;
		const next = meetingPatch(first, second, 'n:2')!;
		const after = meetingPatch({ ...second, tag: 'n:2' }, third, 'n:3')!;
		const follower = new MeetingRoomFollower();
		follower.joinSent();
		expect(follower.patch(stale)).toBe('held');
		expect(follower.patch(next)).toBe('held');
		follower.take(first);
		expect(follower.view!.tag).toBe('n:2');
		expect(follower.view!.state.currentItemId).toBe('a');
		expect(follower.patch(after)).toBe('applied');
		expect(follower.view!.state.currentItemId).toBe('b');
	});
});

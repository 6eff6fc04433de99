// Attendance by side: members check themselves in, the moderator marks anyone seated, and
// the group's quorum rule says whether the meeting may decide.
import type { Db } from '../../db/client';
import type { AttendancePayload, CheckInPayload } from '../../../shared/meeting-events';
import type { QuorumState } from '../../../shared/meeting-state';
import { SIDES, type GroupRole, type Side } from '../../../shared/sides';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { requireModerator, requireParticipant } from './meeting-access';
import { mutateMeeting, type Tx } from './meeting-transaction';

export interface QuorumRule {
	quorumPercent: number;
	quorumSides: number;
}

/** The quorum at a moment: at least quorumPercent of the members who count (everyone seated
 * but observers) present, and at least quorumSides of the six sides among them. */
export function quorum(roster: { personId: string; side: Side; role: GroupRole }[], present: Set<string>, rule: QuorumRule): QuorumState {
	const eligible = roster.filter((r) => r.role !== 'OBSERVER');
	const here = eligible.filter((r) => present.has(r.personId));
	const needed = Math.ceil((eligible.length * Math.max(0, Math.min(100, rule.quorumPercent))) / 100);
	const sidesPresent = SIDES.filter((s) => here.some((r) => r.side === s));
	const sidesNeeded = Math.max(0, Math.min(SIDES.length, rule.quorumSides));
	return {
		present: here.length,
		eligible: eligible.length,
		needed,
		sidesPresent,
		sidesNeeded,
		met: eligible.length > 0 && here.length >= needed && sidesPresent.length >= sidesNeeded
	};
}

const OPEN = ['SCHEDULED', 'LIVE'] as const;

async function setPresent(tx: Tx, meetingId: string, person: { personId: string; side: Side }, present: boolean, by: string | null) {
	const key = { meetingId_personId: { meetingId, personId: person.personId } };
	if (!present) return void (await tx.attendance.deleteMany({ where: { meetingId, personId: person.personId } }));
	// A second check-in keeps the first time; a moderator's mark is recorded as theirs.
	await tx.attendance.upsert({
		where: key,
		create: { meetingId, personId: person.personId, side: person.side, markedById: by },
		update: by ? { markedById: by } : {}
	});
}

/** A member checks in (or out) of a scheduled or live meeting. */
export async function checkIn(db: Db, actor: Actor, input: CheckInPayload): Promise<number> {
	const { personId, side } = await requireParticipant(db, actor, input.meetingId);
	return mutateMeeting(db, input.meetingId, OPEN, (tx) => setPresent(tx, input.meetingId, { personId, side }, input.present ?? true, null));
}

/** The moderator marks someone seated in the group present or absent. */
export async function markAttendance(db: Db, actor: Actor, input: AttendancePayload): Promise<number> {
	const { groupId } = await requireModerator(db, actor, input.meetingId);
	const seat = await db.membership.findUnique({
		where: { groupId_personId: { groupId, personId: input.personId } },
		select: { personId: true, side: true }
	});
	if (!seat) throw new DomainError('NOT_FOUND', 'no such member');
	return mutateMeeting(db, input.meetingId, OPEN, (tx) => setPresent(tx, input.meetingId, seat, input.present, actor.userId));
}

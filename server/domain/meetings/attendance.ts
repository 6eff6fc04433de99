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
import type { MeetingChanged } from '../changes';

export interface QuorumRule {
	quorumPercent: number;
	quorumSides: number;
}

/** How many of the group's members count for the quorum (everyone seated but observers),
 * side by side, and how many of them are present. */
export interface QuorumCounts {
	eligible: Partial<Record<Side, number>>;
	present: Partial<Record<Side, number>>;
}

/** The quorum from the counts: at least quorumPercent of the members who count present, and
 * at least quorumSides of the six sides among them. "Present" is always "present and
 * counting": an observer in the room is in the attendance list, never in the quorum. */
export function quorumOf(counts: QuorumCounts, rule: QuorumRule): QuorumState {
	const sum = (bySide: Partial<Record<Side, number>>) => SIDES.reduce((n, s) => n + (bySide[s] ?? 0), 0);
	const eligible = sum(counts.eligible);
	const present = sum(counts.present);
	const needed = Math.ceil((eligible * Math.max(0, Math.min(100, rule.quorumPercent))) / 100);
	const sidesPresent = SIDES.filter((s) => (counts.present[s] ?? 0) > 0);
	const sidesNeeded = Math.max(0, Math.min(SIDES.length, rule.quorumSides));
	return {
		present,
		eligible,
		needed,
		sidesPresent,
		sidesNeeded,
		met: eligible > 0 && present >= needed && sidesPresent.length >= sidesNeeded
	};
}

/** The quorum from the lists, for readers that hold them anyway (the room's state, the minutes). */
export function quorum(roster: { personId: string; side: Side; role: GroupRole }[], present: Set<string>, rule: QuorumRule): QuorumState {
	const counts: QuorumCounts = { eligible: {}, present: {} };
	for (const r of roster) {
		if (r.role === 'OBSERVER') continue;
		counts.eligible[r.side] = (counts.eligible[r.side] ?? 0) + 1;
		if (present.has(r.personId)) counts.present[r.side] = (counts.present[r.side] ?? 0) + 1;
	}
	return quorumOf(counts, rule);
}

/** The counts behind the quorum, counted by the database: one row per side, however many are
 * seated (a vote's broadcasts read this many times a second in a room of 500). */
export function countQuorum(db: Db | Tx, meetingId: string, groupId: string) {
	// Plain SQL that both providers read alike (quoted identifiers, a literal enum value).
	return db.$queryRaw<{ side: Side; eligible: number | bigint; present: number | bigint }[]>`
		SELECT m."side" AS side, COUNT(*) AS eligible, COUNT(a."personId") AS present
		FROM "Membership" m
		LEFT JOIN "Attendance" a ON a."personId" = m."personId" AND a."meetingId" = ${meetingId}
		WHERE m."groupId" = ${groupId} AND m."role" <> 'OBSERVER'
		GROUP BY m."side"`;
}

/** The rows of countQuorum as counts. */
export function quorumCounts(rows: { side: Side; eligible: number | bigint; present: number | bigint }[]): QuorumCounts {
	const counts: QuorumCounts = { eligible: {}, present: {} };
	for (const r of rows) {
		counts.eligible[r.side] = Number(r.eligible);
		counts.present[r.side] = Number(r.present);
	}
	return counts;
}

/** The meeting's quorum now, counted by the database, with the group's rules. */
export async function quorumNow(db: Db | Tx, meetingId: string, groupId: string) {
	const [group, rows] = await Promise.all([
		db.group.findUniqueOrThrow({ where: { id: groupId }, select: { quorumPercent: true, quorumSides: true, majorityRule: true } }),
		countQuorum(db, meetingId, groupId)
	]);
	return { group, state: quorumOf(quorumCounts(rows), group) };
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
export async function checkIn(db: Db, actor: Actor, input: CheckInPayload): Promise<MeetingChanged> {
	const { personId, side } = await requireParticipant(db, actor, input.meetingId);
	return mutateMeeting(db, input.meetingId, OPEN, (tx) => setPresent(tx, input.meetingId, { personId, side }, input.present ?? true, null));
}

/** The moderator marks someone seated in the group present or absent. */
export async function markAttendance(db: Db, actor: Actor, input: AttendancePayload): Promise<MeetingChanged> {
	const { groupId } = await requireModerator(db, actor, input.meetingId);
	const seat = await db.membership.findUnique({
		where: { groupId_personId: { groupId, personId: input.personId } },
		select: { personId: true, side: true }
	});
	if (!seat) throw new DomainError('NOT_FOUND', 'no such member');
	return mutateMeeting(db, input.meetingId, OPEN, (tx) => setPresent(tx, input.meetingId, seat, input.present, actor.userId));
}

// Who may do what in one meeting: read (members, observers, administrators), participate
// (raise a hand, check in: everyone seated except observers), drive (moderators).
import type { Db } from '../../db/client';
import type { GroupRole, Side } from '../../../shared/sides';
import type { MeetingViewer } from '../../../shared/meeting-state';
import { accessFor, type Actor, type GroupAccess } from '../access';
import { DomainError } from '../errors';

export interface MeetingAccess {
	meetingId: string;
	groupId: string;
	access: GroupAccess;
}

/** The meeting's group rights for the actor; NOT_FOUND for a meeting they may not see. */
export async function meetingAccess(db: Db, actor: Actor, meetingId: string): Promise<MeetingAccess> {
	// One statement for the meeting, its group's organisation and the actor's seat: every live
	// action (a ballot, a hand) starts here, 500 of them in a second in a large room, and
	// Prisma reads a nested select as one query per level. Both providers read this alike.
	const rows = await db.$queryRaw<{ groupId: string; organisationId: string; role: GroupRole | null; side: Side | null }[]>`
		SELECT m."groupId" AS "groupId", g."organisationId" AS "organisationId", s."role" AS "role", s."side" AS "side"
		FROM "Meeting" m
		JOIN "Group" g ON g."id" = m."groupId"
		LEFT JOIN "Membership" s ON s."groupId" = m."groupId" AND s."personId" = ${actor.personId}
		WHERE m."id" = ${meetingId}`;
	const meeting = rows[0];
	// The same answer for "no such meeting" and "not yours", so ids cannot be probed.
	if (!meeting || meeting.organisationId !== actor.organisationId) throw new DomainError('NOT_FOUND', 'meeting not found');
	const seat = meeting.role && meeting.side ? { role: meeting.role, side: meeting.side } : null;
	const access = accessFor(meeting.groupId, actor.isAdmin, seat);
	if (!access.canRead) throw new DomainError('NOT_FOUND', 'meeting not found');
	return { meetingId, groupId: meeting.groupId, access };
}

/** Only moderators (and administrators) drive a meeting. */
export async function requireModerator(db: Db, actor: Actor, meetingId: string): Promise<MeetingAccess> {
	const found = await meetingAccess(db, actor, meetingId);
	if (!found.access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators drive the meeting');
	return found;
}

/** A seated, non-observer member speaking for themselves, with the side they sit on. */
export async function requireParticipant(
	db: Db,
	actor: Actor,
	meetingId: string
): Promise<MeetingAccess & { personId: string; side: Side }> {
	const found = await meetingAccess(db, actor, meetingId);
	const { access } = found;
	if (!access.canEdit || !actor.personId || !access.side) throw new DomainError('FORBIDDEN', 'only seated members take part');
	return { ...found, personId: actor.personId, side: access.side };
}

/** The viewer's rights, as the browser needs them. */
export function viewerOf(actor: Actor, access: GroupAccess): MeetingViewer {
	return {
		personId: actor.personId,
		role: access.role,
		side: access.side,
		canModerate: access.canModerate,
		canParticipate: access.canEdit && access.side !== null && actor.personId !== null
	};
}

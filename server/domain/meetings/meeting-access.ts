// Who may do what in one meeting: read (members, observers, administrators), participate
// (raise a hand, check in: everyone seated except observers), drive (moderators).
import type { Db } from '../../db/client';
import type { Side } from '../../../shared/sides';
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
	// One read for the meeting, its group's organisation and the actor's seat: every live
	// action (a ballot, a hand) starts here, 500 of them in a second in a large room.
	const meeting = await db.meeting.findUnique({
		where: { id: meetingId },
		select: {
			groupId: true,
			group: {
				select: {
					organisationId: true,
					memberships: actor.personId ? { where: { personId: actor.personId }, select: { role: true, side: true } } : false
				}
			}
		}
	});
	// The same answer for "no such meeting" and "not yours", so ids cannot be probed.
	if (!meeting || meeting.group.organisationId !== actor.organisationId) throw new DomainError('NOT_FOUND', 'meeting not found');
	const access = accessFor(meeting.groupId, actor.isAdmin, meeting.group.memberships?.[0] ?? null);
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

// Who may do what in a group. Every adapter (pages, Socket.IO, Yjs) asks here.
import type { Db } from '../db/client';
import type { GroupRole, Side } from '../../shared/sides';
import { DomainError } from './errors';
import type { GroupAccess } from '../../shared/groups';

export type { GroupAccess } from '../../shared/groups';

/** The signed-in user as the domain sees it. */
export interface Actor {
	userId: string;
	organisationId: string;
	personId: string | null;
	isAdmin: boolean;
}

/** Whether the actor administers their organisation: its groups, its databank and its lists. */
export const mayAdminister = (actor: Actor): boolean => actor.isAdmin;

/** Throws FORBIDDEN unless the actor administers their organisation. */
export function requireAdministrator(actor: Actor): void {
	if (!mayAdminister(actor)) throw new DomainError('FORBIDDEN', 'administrators only');
}

/** Resolves the actor's rights in a group; throws NOT_FOUND for groups they may not see. */
export async function groupAccess(db: Db, actor: Actor, groupId: string): Promise<GroupAccess> {
	const group = await db.group.findFirst({
		where: { id: groupId, organisationId: actor.organisationId },
		select: { id: true }
	});
	const membership =
		group && actor.personId
			? await db.membership.findUnique({
					where: { groupId_personId: { groupId, personId: actor.personId } },
					select: { role: true, side: true }
				})
			: null;
	const access = accessFor(groupId, actor.isAdmin, membership);
	// Strangers learn nothing, not even that the group exists.
	if (!group || !access.canRead) throw new DomainError('NOT_FOUND', 'group not found');
	return access;
}

/** The pure rule behind groupAccess: rights from an admin flag and a seat. */
export function accessFor(groupId: string, isAdmin: boolean, seat: { role: GroupRole; side: Side } | null): GroupAccess {
	const role = seat?.role ?? null;
	return {
		groupId,
		role,
		side: seat?.side ?? null,
		canRead: isAdmin || seat !== null,
		canEdit: isAdmin || (role !== null && role !== 'OBSERVER'),
		canModerate: isAdmin || role === 'MODERATOR'
	};
}

// Who may do what with an action item. Group rights come from server/domain/access.ts;
// this adds the item's own rule: its owner may change it too.
import type { Db } from '../../db/client';
import { groupAccess, type Actor, type GroupAccess } from '../access';
import { DomainError } from '../errors';

/** Moderators (and administrators) create items and edit what an item says. */
export const canCreateItems = (access: GroupAccess): boolean => access.canModerate;

/** The rule the issue states: only the owner, the group's moderator or an administrator
 * change an item's status or add progress notes. */
export function canChangeItem(actor: Pick<Actor, 'personId'>, access: GroupAccess, item: { ownerPersonId: string }): boolean {
	return access.canModerate || (actor.personId !== null && actor.personId === item.ownerPersonId);
}

/** Rights of someone who owns an item in a group they no longer sit in: they still see and
 * report on their own work, nothing else. */
const ownerOnly = (groupId: string): GroupAccess => ({
	groupId,
	role: null,
	side: null,
	canRead: true,
	canEdit: false,
	canModerate: false
});

export interface ItemAccess {
	item: { id: string; groupId: string; ownerPersonId: string; status: string; createdById: string | null };
	access: GroupAccess;
	canChange: boolean;
}

/** The item and the actor's rights over it; NOT_FOUND for an item they may not see (the same
 * answer as for no item at all, so ids cannot be probed). */
export async function itemAccess(db: Db, actor: Actor, itemId: string): Promise<ItemAccess> {
	const item = await db.actionItem.findFirst({
		where: { id: itemId, group: { organisationId: actor.organisationId } },
		select: { id: true, groupId: true, ownerPersonId: true, status: true, createdById: true }
	});
	if (!item) throw new DomainError('NOT_FOUND', 'action item not found');
	const access = await groupAccess(db, actor, item.groupId).catch((error: unknown) => {
		if (error instanceof DomainError && error.code === 'NOT_FOUND' && actor.personId === item.ownerPersonId) return ownerOnly(item.groupId);
		throw error instanceof DomainError && error.code === 'NOT_FOUND' ? new DomainError('NOT_FOUND', 'action item not found') : error;
	});
	return { item, access, canChange: canChangeItem(actor, access, item) };
}

/** As itemAccess, but FORBIDDEN unless the actor may change the item. */
export async function requireChange(db: Db, actor: Actor, itemId: string): Promise<ItemAccess> {
	const found = await itemAccess(db, actor, itemId);
	if (!found.canChange) throw new DomainError('FORBIDDEN', 'only the owner, a moderator or an administrator change this item');
	return found;
}

/** As itemAccess, but FORBIDDEN unless the actor moderates the item's group. */
export async function requireEdit(db: Db, actor: Actor, itemId: string): Promise<ItemAccess> {
	const found = await itemAccess(db, actor, itemId);
	if (!found.access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators edit action items');
	return found;
}

// A moderator corrects what an item says: its title, owner, side or due day. The history
// keeps what changed; a new owner is told the work is now theirs.
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { requireEdit } from './access';
import { userOfPerson, type ActionItemChange } from './change';
import { EditInput } from '../../../shared/action-item-inputs';
import { notify } from './notifications';

export async function editActionItem(db: Db, actor: Actor & { name?: string }, raw: unknown, now = new Date()): Promise<ActionItemChange> {
	const input = parse(EditInput, raw);
	const { item } = await requireEdit(db, actor, input.itemId);
	const seat = await db.membership.findUnique({
		where: { groupId_personId: { groupId: item.groupId, personId: input.ownerPersonId } },
		select: { side: true }
	});
	if (!seat) throw new DomainError('INVALID', 'the owner must sit in the group', { ownerPersonId: 'not_member' });
	const before = await db.actionItem.findUniqueOrThrow({ where: { id: item.id } });
	const after = { title: input.title, ownerPersonId: input.ownerPersonId, side: input.side ?? seat.side, dueDate: input.dueDate };
	const changes = Object.fromEntries(
		(Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]).map((k) => [k, [before[k], after[k]]])
	);
	if (Object.keys(changes).length === 0) return { kind: 'action-item', itemId: item.id, groupId: item.groupId, notices: [] };

	return db.$transaction(async (tx) => {
		await tx.actionItem.update({ where: { id: item.id }, data: { ...after, updatedAt: now } });
		await tx.actionItemEvent.create({
			data: { actionItemId: item.id, kind: 'EDITED', changes: JSON.stringify(changes), byUserId: actor.userId, at: now }
		});
		const owner = 'ownerPersonId' in changes ? await userOfPerson(tx, input.ownerPersonId) : null;
		const notices =
			owner && owner.id !== actor.userId
				? await notify(tx, [{ userId: owner.id, kind: 'ASSIGNED', actionItemId: item.id, byName: actor.name }])
				: [];
		return { kind: 'action-item', itemId: item.id, groupId: item.groupId, notices };
	});
}

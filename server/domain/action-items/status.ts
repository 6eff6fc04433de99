// Reporting on an item: status moves (BLOCKED with a reason) and progress notes, each kept
// with who and when. The item's creator hears about status changes made by others.
import type { Db } from '../../db/client';
import { canMove, type ActionStatus } from '../../../shared/action-items';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { requireChange } from './access';
import type { ActionItemChange } from './change';
import { NoteInput, StatusInput } from '../../../shared/action-item-inputs';
import { notify } from './notifications';

/** Moves an item to a new status, optionally with a note. The same status with a note is
 * just a note; BLOCKED again with a new reason updates the reason. */
export async function changeStatus(db: Db, actor: Actor & { name?: string }, raw: unknown, now = new Date()): Promise<ActionItemChange> {
	const input = parse(StatusInput, raw);
	const { item } = await requireChange(db, actor, input.itemId);
	const from = item.status as ActionStatus;
	const to = input.status;
	if (to === 'BLOCKED' && !input.reason) throw new DomainError('INVALID', 'say what blocks it', { reason: 'required' });
	if (from === to && to !== 'BLOCKED') {
		if (!input.note) return { kind: 'action-item', itemId: item.id, groupId: item.groupId, notices: [] };
		return addNote(db, actor, { itemId: item.id, note: input.note }, now);
	}
	if (from !== to && !canMove(from, to))
		throw new DomainError('CONFLICT', `an item cannot go from ${from} to ${to}`, { status: 'not_allowed' });

	return db.$transaction(async (tx) => {
		// Conditional on the status we checked: of two people changing it at once, the second
		// is told to look again instead of silently undoing the first.
		const moved = await tx.actionItem.updateMany({
			where: { id: item.id, status: from },
			data: { status: to, blockedReason: to === 'BLOCKED' ? input.reason : null, doneAt: to === 'DONE' ? now : null, updatedAt: now }
		});
		if (moved.count !== 1) throw new DomainError('CONFLICT', 'the item changed meanwhile', { status: 'changed' });
		await tx.actionItemEvent.create({
			data: {
				actionItemId: item.id,
				kind: 'STATUS',
				fromStatus: from,
				toStatus: to,
				reason: to === 'BLOCKED' ? input.reason : null,
				note: input.note ?? '',
				byUserId: actor.userId,
				at: now
			}
		});
		const creator = item.createdById;
		const notices =
			creator && creator !== actor.userId
				? await notify(tx, [{ userId: creator, kind: 'STATUS_CHANGED', actionItemId: item.id, status: to, byName: actor.name }])
				: [];
		return { kind: 'action-item', itemId: item.id, groupId: item.groupId, notices };
	});
}

/** Adds a progress note without changing the status. */
export async function addNote(db: Db, actor: Actor, raw: unknown, now = new Date()): Promise<ActionItemChange> {
	const input = parse(NoteInput, raw);
	const { item } = await requireChange(db, actor, input.itemId);
	await db.$transaction([
		db.actionItemEvent.create({ data: { actionItemId: item.id, kind: 'NOTE', note: input.note, byUserId: actor.userId, at: now } }),
		db.actionItem.update({ where: { id: item.id }, data: { updatedAt: now } })
	]);
	return { kind: 'action-item', itemId: item.id, groupId: item.groupId, notices: [] };
}

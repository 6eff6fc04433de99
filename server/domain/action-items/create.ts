// Making an action item: in a live meeting from an agenda item or a decision (a title and
// Enter: the owner defaults to the group's executor and the due day to the next meeting),
// or later from a proposal or an outcome.
import type { Db } from '../../db/client';
import { groupAccess, type Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { canCreateItems } from './access';
import { userOfPerson, type ActionItemChange } from './change';
import { CreateInput } from '../../../shared/action-item-inputs';
import { notify } from './notifications';

/** Checks that what the item points to belongs to its group (the ids are plain strings
 * while proposals, decisions and outcomes are built alongside). */
async function checkLinks(db: Db, groupId: string, input: ReturnType<typeof CreateInput.parse>): Promise<void> {
	const bad: Record<string, string> = {};
	if (input.meetingId) {
		const meeting = await db.meeting.findFirst({ where: { id: input.meetingId, groupId }, select: { status: true } });
		if (!meeting) bad.meetingId = 'invalid';
		else if (meeting.status !== 'LIVE') throw new DomainError('CONFLICT', 'items are made in a live meeting', { meetingId: 'not_live' });
	} else if (input.agendaItemId) bad.agendaItemId = 'invalid';
	if (input.decisionId && !(await db.decision.findFirst({ where: { id: input.decisionId, meeting: { groupId } }, select: { id: true } })))
		bad.decisionId = 'invalid';
	if (input.proposalId && !(await db.proposal.findFirst({ where: { id: input.proposalId, groupId }, select: { id: true } })))
		bad.proposalId = 'invalid';
	if (input.outcomeId && !(await db.outcome.findFirst({ where: { id: input.outcomeId, groupId }, select: { id: true } })))
		bad.outcomeId = 'invalid';
	if (Object.keys(bad).length) throw new DomainError('INVALID', 'bad links', bad);
}

/** A moderator (or administrator) gives someone seated in the group a piece of work. */
export async function createActionItem(db: Db, actor: Actor & { name?: string }, raw: unknown): Promise<ActionItemChange> {
	const input = parse(CreateInput, raw);
	const access = await groupAccess(db, actor, input.groupId);
	if (!canCreateItems(access)) throw new DomainError('FORBIDDEN', 'only moderators create action items');
	const seat = await db.membership.findUnique({
		where: { groupId_personId: { groupId: input.groupId, personId: input.ownerPersonId } },
		select: { side: true }
	});
	if (!seat) throw new DomainError('INVALID', 'the owner must sit in the group', { ownerPersonId: 'not_member' });
	await checkLinks(db, input.groupId, input);

	return db.$transaction(async (tx) => {
		const item = await tx.actionItem.create({
			data: {
				groupId: input.groupId,
				title: input.title,
				ownerPersonId: input.ownerPersonId,
				side: input.side ?? seat.side,
				dueDate: input.dueDate,
				meetingId: input.meetingId ?? null,
				agendaItemId: input.meetingId ? (input.agendaItemId ?? null) : null,
				decisionId: input.decisionId ?? null,
				proposalId: input.proposalId ?? null,
				outcomeId: input.outcomeId ?? null,
				createdById: actor.userId,
				events: { create: { kind: 'CREATED', toStatus: 'OPEN', byUserId: actor.userId } }
			},
			select: { id: true }
		});
		const owner = await userOfPerson(tx, input.ownerPersonId);
		const notices =
			owner && owner.id !== actor.userId
				? await notify(tx, [{ userId: owner.id, kind: 'ASSIGNED', actionItemId: item.id, byName: actor.name }])
				: [];
		return { kind: 'action-item', itemId: item.id, groupId: input.groupId, notices };
	});
}

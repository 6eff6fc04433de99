// An approved proposal becomes an outcome — a product or a service — carried out by an
// executor, tracked by milestones (due date, progress) and a status timeline of notes and
// links, until it is delivered.
import type { Db } from '../../db/client';
import { MilestoneInput, OutcomeStartInput, OutcomeUpdateInput, ProgressInput, TransitionInput } from '../../../shared/proposals';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { findProposal, readableGroup, proposalActor } from './proposal-access';
import { moveState, recordEvent } from './timeline';
import { checkMove, maySee, mayRunOutcome, type ProposalActor } from './rules';
import type { ProposalState } from '../../../shared/proposals';

/** Overall progress: the mean of the milestones' progress, so it never disagrees with the
 * milestones shown under it; a delivered outcome without milestones is complete. */
export function overallProgress(milestones: { progress: number }[], delivered: boolean): number {
	if (milestones.length === 0) return delivered ? 100 : 0;
	return Math.round(milestones.reduce((n, m) => n + m.progress, 0) / milestones.length);
}

/** Why an outcome cannot be delivered yet: a milestone still short of 100 % (it is brought
 * to 100 % or removed first), or null when it can. */
export function deliveryBlocker(milestones: { progress: number }[]): 'milestones_open' | null {
	return milestones.some((m) => m.progress < 100) ? 'milestones_open' : null;
}

/** The day a date input sent, as midnight UTC (dates are shown as calendar days). */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The moderator starts carrying out an approved proposal: it gets an executor (someone
 * seated in the group) and becomes an outcome. */
export async function startExecution(
	db: Db,
	actor: Actor,
	proposalId: string,
	input: OutcomeStartInput,
	now = new Date()
): Promise<{ outcomeId: string }> {
	const { proposal, who } = await findProposal(db, actor, proposalId);
	checkMove(who, proposal.state, 'IN_EXECUTION', 'execution');
	const d = parse(OutcomeStartInput, input);
	const seat = await db.membership.findUnique({
		where: { groupId_personId: { groupId: proposal.groupId, personId: d.executorPersonId } },
		select: { personId: true }
	});
	if (!seat) throw new DomainError('INVALID', 'the executor must sit in the group', { executorPersonId: 'unknown' });
	return db.$transaction(async (tx) => {
		await moveState(tx, { proposalId, from: 'APPROVED', to: 'IN_EXECUTION', byUserId: actor.userId }, now);
		const outcome = await tx.outcome.create({
			data: {
				proposalId,
				groupId: proposal.groupId,
				kind: d.kind,
				title: d.title || proposal.title,
				description: d.description,
				executorPersonId: d.executorPersonId,
				startedAt: now
			},
			select: { id: true }
		});
		await recordEvent(tx, { proposalId, kind: 'OUTCOME', byUserId: actor.userId, detail: `STARTED|${d.kind}`, at: now });
		return { outcomeId: outcome.id };
	});
}

interface FoundOutcome {
	outcome: { id: string; proposalId: string; groupId: string; executorPersonId: string | null; state: ProposalState };
	who: ProposalActor;
}

const outcomeNotFound = () => new DomainError('NOT_FOUND', 'outcome not found');

/** The outcome and the actor's rights on it; NOT_FOUND for those who may not read its group. */
export async function findOutcome(db: Db, actor: Actor, outcomeId: string): Promise<FoundOutcome> {
	const o = await db.outcome.findUnique({
		where: { id: outcomeId },
		select: { id: true, proposalId: true, groupId: true, executorPersonId: true, proposal: { select: { state: true, authorId: true } } }
	});
	if (!o) throw outcomeNotFound();
	const access = await readableGroup(db, actor, o.groupId, outcomeNotFound);
	const who = proposalActor(actor, access, { authorId: o.proposal.authorId, outcome: { id: o.id, executorPersonId: o.executorPersonId } });
	if (!maySee(who, o.proposal.state)) throw outcomeNotFound();
	return { outcome: { ...o, state: o.proposal.state }, who };
}

async function requireRunning(db: Db, actor: Actor, outcomeId: string): Promise<FoundOutcome> {
	const found = await findOutcome(db, actor, outcomeId);
	if (!mayRunOutcome(found.who)) throw new DomainError('FORBIDDEN', 'only the executor and moderators run an outcome');
	if (found.outcome.state !== 'IN_EXECUTION') throw new DomainError('CONFLICT', 'not_running', { form: 'not_running' });
	return found;
}

export async function addMilestone(db: Db, actor: Actor, outcomeId: string, input: MilestoneInput): Promise<{ id: string }> {
	await requireRunning(db, actor, outcomeId);
	const d = parse(MilestoneInput, input);
	const last = await db.milestone.aggregate({ where: { outcomeId }, _max: { position: true } });
	return db.milestone.create({
		data: { outcomeId, title: d.title, dueDate: dayToDate(d.dueDate), progress: d.progress, position: (last._max.position ?? -1) + 1 },
		select: { id: true }
	});
}

export async function setMilestoneProgress(
	db: Db,
	actor: Actor,
	outcomeId: string,
	input: { milestoneId: string; progress: unknown }
): Promise<void> {
	await requireRunning(db, actor, outcomeId);
	const d = parse(ProgressInput, input);
	const changed = await db.milestone.updateMany({ where: { id: d.milestoneId, outcomeId }, data: { progress: d.progress } });
	if (!changed.count) throw new DomainError('NOT_FOUND', 'milestone not found');
}

export async function removeMilestone(db: Db, actor: Actor, outcomeId: string, milestoneId: string): Promise<void> {
	await requireRunning(db, actor, outcomeId);
	const removed = await db.milestone.deleteMany({ where: { id: milestoneId, outcomeId } });
	if (!removed.count) throw new DomainError('NOT_FOUND', 'milestone not found');
}

/** A note on the status timeline, optionally with a new status and a link to an attachment. */
export async function addOutcomeUpdate(
	db: Db,
	actor: Actor,
	outcomeId: string,
	input: OutcomeUpdateInput,
	now = new Date()
): Promise<void> {
	await requireRunning(db, actor, outcomeId);
	const d = parse(OutcomeUpdateInput, input);
	await db.$transaction(async (tx) => {
		await tx.outcomeUpdate.create({
			data: { outcomeId, status: d.status, note: d.note, linkUrl: d.linkUrl, linkTitle: d.linkTitle, byUserId: actor.userId, at: now }
		});
		if (d.status) await tx.outcome.update({ where: { id: outcomeId }, data: { status: d.status } });
	});
}

/** The executor or a moderator delivers the outcome: the proposal's journey ends here. */
export async function deliverOutcome(
	db: Db,
	actor: Actor,
	outcomeId: string,
	input: Pick<TransitionInput, 'reason'>,
	now = new Date()
): Promise<void> {
	const { outcome, who } = await findOutcome(db, actor, outcomeId);
	checkMove(who, outcome.state, 'DELIVERED', 'transition');
	const { reason } = parse(TransitionInput, { to: 'DELIVERED', reason: input.reason });
	await db.$transaction(async (tx) => {
		// Read inside the transaction, so a progress set back meanwhile is seen.
		const milestones = await tx.milestone.findMany({ where: { outcomeId }, select: { progress: true } });
		const blocker = deliveryBlocker(milestones);
		if (blocker) throw new DomainError('CONFLICT', blocker, { form: blocker });
		await moveState(tx, { proposalId: outcome.proposalId, from: 'IN_EXECUTION', to: 'DELIVERED', byUserId: actor.userId, reason }, now);
		await tx.outcome.update({ where: { id: outcomeId }, data: { status: 'DELIVERED', deliveredAt: now } });
		await tx.outcomeUpdate.create({ data: { outcomeId, status: 'DELIVERED', note: reason, byUserId: actor.userId, at: now } });
		await recordEvent(tx, {
			proposalId: outcome.proposalId,
			kind: 'OUTCOME',
			byUserId: actor.userId,
			detail: 'DELIVERED',
			reason,
			at: now
		});
	});
}

// Plain moves of a proposal (submit, start the review, withdraw, resubmit, deliver).
// Decisions are taken in a meeting (decisions.ts, voting.ts); execution starts with an
// outcome (outcomes.ts). rules.ts says who may do which.
import type { Db } from '../../db/client';
import { TransitionInput } from '../../../shared/proposals';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { findProposal } from './proposal-access';
import { liveVoteOn } from './decisions';
import { moveState } from './timeline';
import { checkMove } from './rules';

/** Moves a proposal to `to`, with the reason on its timeline. */
export async function moveProposal(db: Db, actor: Actor, proposalId: string, input: TransitionInput, now = new Date()): Promise<void> {
	const { proposal, who } = await findProposal(db, actor, proposalId);
	const d = parse(TransitionInput, input);
	checkMove(who, proposal.state, d.to, 'transition');
	if (d.to === 'WITHDRAWN' && !d.reason) throw new DomainError('INVALID', 'say why', { reason: 'required' });
	if (d.to === 'DELIVERED') throw new DomainError('CONFLICT', 'deliver through the outcome');
	await db.$transaction(async (tx) => {
		// A vote in progress decides the proposal; it cannot be pulled from under the vote.
		if (proposal.state === 'IN_REVIEW' && (await tx.vote.count({ where: liveVoteOn(proposalId) })) > 0) {
			throw new DomainError('CONFLICT', 'vote_open', { form: 'vote_open' });
		}
		await moveState(tx, { proposalId, from: proposal.state, to: d.to, byUserId: actor.userId, reason: d.reason }, now);
	});
}

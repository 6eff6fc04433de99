// A side's position on a proposal in review: a verdict with reasons (expert, agency, legal,
// media), or feasibility and an estimate (executor). One current position per side; the
// timeline keeps every one given.
import type { Db } from '../../db/client';
import { ReviewInput } from '../../../shared/proposals';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { findProposal } from './proposal-access';
import { recordEvent } from './timeline';
import { givesVerdict, reviewSidesFor } from './rules';

export async function reviewProposal(db: Db, actor: Actor, proposalId: string, input: ReviewInput): Promise<void> {
	const { proposal, who } = await findProposal(db, actor, proposalId);
	const d = parse(ReviewInput, input);
	if (proposal.state !== 'IN_REVIEW') throw new DomainError('CONFLICT', 'the proposal is not in review');
	if (!reviewSidesFor(who, proposal.state).includes(d.side)) throw new DomainError('FORBIDDEN', `not allowed to speak for ${d.side}`);
	const verdict = givesVerdict(d.side);
	if (verdict && !d.verdict) throw new DomainError('INVALID', 'verdict needed', { verdict: 'required' });
	if (!verdict && !d.feasibility) throw new DomainError('INVALID', 'feasibility needed', { feasibility: 'required' });
	const data = {
		verdict: verdict ? d.verdict : null,
		feasibility: verdict ? null : d.feasibility,
		estimateWeeks: verdict ? null : d.estimateWeeks,
		estimateCost: verdict ? '' : d.estimateCost,
		reasons: d.reasons,
		byUserId: actor.userId
	};
	await db.$transaction(async (tx) => {
		// Still in review? A decision may have landed since it was read. The write takes the
		// proposal's row lock, so a decision cannot commit between this check and the review.
		const live = await tx.proposal.updateMany({ where: { id: proposalId, state: 'IN_REVIEW' }, data: { updatedAt: new Date() } });
		if (!live.count) throw new DomainError('CONFLICT', 'the proposal is not in review');
		await tx.review.upsert({
			where: { proposalId_side: { proposalId, side: d.side } },
			create: { proposalId, side: d.side, ...data },
			update: data
		});
		const detail = [data.verdict ?? data.feasibility, data.estimateWeeks ?? '', data.estimateCost].join('|');
		await recordEvent(tx, { proposalId, kind: 'REVIEWED', side: d.side, byUserId: actor.userId, detail, reason: d.reasons });
	});
}

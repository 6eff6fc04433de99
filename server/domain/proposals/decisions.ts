// Decisions (مصوبه) are taken in a live meeting — by a vote (voting.ts) or by consensus
// (here) — and move the proposal out of review. Both write the same Decision row.
import type { Db } from '../../db/client';
import { ConsensusPayload } from '../../../shared/vote-events';
import type { DecisionOutcome } from '../../../shared/proposals';
import type { Actor } from '../access';
import { votesChanged, type VotesChanged } from '../changes';
import { DomainError } from '../errors';
import { requireModerator } from '../meetings/meeting-access';
import { parse } from '../validation';
import { moveState, recordEvent, type Tx } from './timeline';

export interface DecisionRecord {
	meetingId: string;
	proposalId: string;
	method: 'VOTE' | 'CONSENSUS';
	outcome: DecisionOutcome;
	voteId?: string;
	text: string;
	byUserId: string;
}

/** Records a decision and moves the proposal (IN_REVIEW → the outcome) in the caller's transaction. */
export async function applyDecision(tx: Tx, d: DecisionRecord, now = new Date()): Promise<{ id: string }> {
	await moveState(
		tx,
		{ proposalId: d.proposalId, from: 'IN_REVIEW', to: d.outcome, byUserId: d.byUserId, reason: d.text, meetingId: d.meetingId },
		now
	);
	const decision = await tx.decision.create({
		data: {
			meetingId: d.meetingId,
			proposalId: d.proposalId,
			method: d.method,
			outcome: d.outcome,
			voteId: d.voteId ?? null,
			text: d.text,
			decidedById: d.byUserId,
			decidedAt: now
		},
		select: { id: true }
	});
	await recordEvent(tx, {
		proposalId: d.proposalId,
		kind: 'DECIDED',
		byUserId: d.byUserId,
		detail: `${d.method}|${d.outcome}`,
		reason: d.text,
		meetingId: d.meetingId,
		at: now
	});
	return decision;
}

/** An open vote that still decides: one in a live meeting. A vote left open when its meeting
 * closed decides nothing any more (closeVote records its count without a decision), so it
 * does not hold the proposal. */
export const liveVoteOn = (proposalId: string) => ({ proposalId, status: 'OPEN' as const, meeting: { status: 'LIVE' as const } });

/** The meeting must be live, and the proposal the meeting's group's and in review. Read in
 * the transaction that decides, so a meeting closing meanwhile is seen. */
export async function requireDecidable(tx: Tx, meetingId: string, groupId: string, proposalId: string): Promise<{ title: string }> {
	const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
	if (meeting?.status !== 'LIVE') throw new DomainError('CONFLICT', 'not_live', { form: 'not_live' });
	const proposal = await tx.proposal.findFirst({ where: { id: proposalId, groupId }, select: { state: true, title: true } });
	if (!proposal) throw new DomainError('NOT_FOUND', 'proposal not found');
	if (proposal.state !== 'IN_REVIEW') throw new DomainError('CONFLICT', 'not_in_review', { form: 'not_in_review' });
	return proposal;
}

/** The moderator records a decision the meeting reached without a vote. */
export async function decideByConsensus(
	db: Db,
	actor: Actor,
	input: ConsensusPayload,
	now = new Date()
): Promise<VotesChanged & { decisionId: string }> {
	const d = parse(ConsensusPayload, input);
	const { groupId } = await requireModerator(db, actor, d.meetingId);
	return db.$transaction(async (tx) => {
		await requireDecidable(tx, d.meetingId, groupId, d.proposalId);
		if (await tx.vote.count({ where: liveVoteOn(d.proposalId) })) {
			throw new DomainError('CONFLICT', 'vote_open', { form: 'vote_open' });
		}
		const decision = await applyDecision(tx, { ...d, method: 'CONSENSUS', byUserId: actor.userId }, now);
		return { ...votesChanged(d.meetingId), decisionId: decision.id };
	});
}

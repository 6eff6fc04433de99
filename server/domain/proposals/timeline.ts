// Every change to a proposal leaves an event (who, when, why), and a state change is a
// compare-and-set on the state it was read in: two people moving one proposal at once
// cannot both succeed, whichever database or node they reach.
import type { Tx } from '../meetings/meeting-transaction';
import type { ProposalState } from '../../../shared/proposals';
import type { Side } from '../../../shared/sides';
import { DomainError } from '../errors';

export type { Tx };

export interface EventInput {
	proposalId: string;
	kind:
		| 'CREATED'
		| 'EDITED'
		| 'STATE'
		| 'REVIEWED'
		| 'VOTE_OPENED'
		| 'VOTE_CLOSED'
		| 'DECIDED'
		| 'OUTCOME'
		// The discussion (server/domain/discussion): detail is the comment's id.
		| 'COMMENTED'
		| 'COMMENT_HIDDEN';
	byUserId: string | null;
	fromState?: ProposalState;
	toState?: ProposalState;
	side?: Side;
	detail?: string;
	reason?: string;
	meetingId?: string | null;
	at?: Date;
}

export async function recordEvent(tx: Tx, e: EventInput): Promise<void> {
	await tx.proposalEvent.create({
		data: {
			proposalId: e.proposalId,
			kind: e.kind,
			byUserId: e.byUserId,
			fromState: e.fromState ?? null,
			toState: e.toState ?? null,
			side: e.side ?? null,
			detail: e.detail ?? '',
			reason: e.reason ?? '',
			meetingId: e.meetingId ?? null,
			...(e.at ? { at: e.at } : {})
		}
	});
}

/** Moves the proposal from `from` to `to` if it is still in `from`, and records it. */
export async function moveState(
	tx: Tx,
	move: { proposalId: string; from: ProposalState; to: ProposalState; byUserId: string | null; reason?: string; meetingId?: string | null },
	now = new Date()
): Promise<void> {
	const changed = await tx.proposal.updateMany({
		where: { id: move.proposalId, state: move.from },
		data: { state: move.to, stateChangedAt: now }
	});
	if (changed.count !== 1) throw new DomainError('CONFLICT', 'stale', { form: 'stale' });
	await recordEvent(tx, { ...move, kind: 'STATE', fromState: move.from, toState: move.to, at: now });
}

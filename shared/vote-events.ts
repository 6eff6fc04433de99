// Voting in a live meeting over Socket.IO: payload schemas, the state every client sees, and
// the event maps (composed into shared/events.ts). The server validates every payload with
// these before anything else; server/domain/proposals/voting.ts decides.
import { z } from 'zod';
import type { Ack } from './acks';
import type { QuorumState } from './meeting-state';
import {
	BALLOT_CHOICES,
	DECISION_OUTCOMES,
	type BallotChoice,
	type DecisionOutcome,
	type MajorityRule,
	type ProposalState,
	type VoteResult
} from './proposals';

const Id = z.string().min(1).max(64);

export const VoteWatchPayload = z.object({ meetingId: Id });
export type VoteWatchPayload = z.infer<typeof VoteWatchPayload>;
export const VoteOpenPayload = z.object({ meetingId: Id, proposalId: Id });
export type VoteOpenPayload = z.infer<typeof VoteOpenPayload>;
export const BallotPayload = z.object({ meetingId: Id, voteId: Id, choice: z.enum(BALLOT_CHOICES) });
export type BallotPayload = z.infer<typeof BallotPayload>;
export const VoteClosePayload = z.object({ meetingId: Id, voteId: Id });
export type VoteClosePayload = z.infer<typeof VoteClosePayload>;
export const ConsensusPayload = z.object({
	meetingId: Id,
	proposalId: Id,
	outcome: z.enum(DECISION_OUTCOMES),
	text: z.string().trim().min(1, 'required').max(2000, 'too_long')
});
export type ConsensusPayload = z.infer<typeof ConsensusPayload>;

export interface VoteTally {
	yes: number;
	no: number;
	abstain: number;
}

export interface VoteView {
	voteId: string;
	proposalId: string;
	proposalTitle: string;
	status: 'OPEN' | 'CLOSED';
	tally: VoteTally;
	majorityRule: MajorityRule;
	/** While open: the quorum now. Once closed: as it was at closing. */
	quorum: Pick<QuorumState, 'present' | 'eligible' | 'needed' | 'met'>;
	result: VoteResult | null;
	openedAt: string;
	closedAt: string | null;
}

export interface DecisionView {
	decisionId: string;
	proposalId: string | null;
	proposalTitle: string;
	method: 'VOTE' | 'CONSENSUS';
	outcome: DecisionOutcome;
	text: string;
	decidedAt: string;
	decidedBy: string;
}

/** Everything about votes in one meeting. `version` only grows (one more vote, ballot,
 * closing or decision each add to it), so a client keeps the highest it has seen. */
export interface VotingState {
	meetingId: string;
	version: number;
	/** Votes may be opened and cast only while the meeting is live. */
	live: boolean;
	open: VoteView | null;
	/** Closed votes of this meeting, latest first. */
	closed: VoteView[];
	decisions: DecisionView[];
	/** Proposals in review in the meeting's group: what a vote or a consensus can decide. */
	candidates: { id: string; title: string; state: ProposalState }[];
}

export interface VoteViewer {
	personId: string | null;
	canModerate: boolean;
	/** Seated and not an observer; must also be present (checked in) to cast a ballot. */
	canVote: boolean;
	/** Checked in to this meeting (when this was sent). */
	present: boolean;
	/** The viewer's ballot in the open vote, if they cast one. */
	myBallot: BallotChoice | null;
}

export interface VoteClientEvents {
	/** Starts receiving the meeting's vote state; answers with it at once (also after a reconnect). */
	'vote:watch': (payload: VoteWatchPayload, ack: (result: Ack<{ state: VotingState; viewer: VoteViewer }>) => void) => void;
	'vote:open': (payload: VoteOpenPayload, ack: (result: Ack<{ voteId: string }>) => void) => void;
	'vote:cast': (payload: BallotPayload, ack: (result: Ack<{ choice: BallotChoice }>) => void) => void;
	'vote:close': (payload: VoteClosePayload, ack: (result: Ack<{ result: VoteResult }>) => void) => void;
	'vote:consensus': (payload: ConsensusPayload, ack: (result: Ack<{ decisionId: string }>) => void) => void;
}

export interface VoteServerEvents {
	/** The meeting's vote state after a change, to its room. */
	'vote:state': (state: VotingState) => void;
}

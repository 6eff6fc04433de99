// Who may move a proposal where: one table, pure, so every adapter and every test reads the
// same rules. The database functions (transitions.ts, voting.ts, outcomes.ts) ask here first.
import type { GroupRole, Side } from '../../../shared/sides';
import { REVIEW_SIDES, VERDICT_SIDES, type ProposalState, type ReviewSide } from '../../../shared/proposals';
import { DomainError } from '../errors';

/** The actor as the proposal rules see them. */
export interface ProposalActor {
	isAdmin: boolean;
	role: GroupRole | null;
	side: Side | null;
	/** Seated and not an observer (or an administrator). */
	canEdit: boolean;
	/** Moderators of the group and administrators. */
	canModerate: boolean;
	isAuthor: boolean;
	/** The person the proposal's outcome names as its executor. */
	isExecutor: boolean;
}

type Who = 'author' | 'moderator' | 'executor';
/** How a move happens: a plain transition, a decision taken in a live meeting (vote or
 * consensus), or starting the execution (which needs an executor and a kind). */
export type Via = 'transition' | 'decision' | 'execution';

interface Move {
	who: readonly Who[];
	via: Via;
}

const byAuthorOrModerator: Move = { who: ['author', 'moderator'], via: 'transition' };
const decided: Move = { who: ['moderator'], via: 'decision' };

/** Every allowed move. Anything not here is refused. */
export const MOVES: Record<ProposalState, Partial<Record<ProposalState, Move>>> = {
	DRAFT: { SUBMITTED: byAuthorOrModerator, WITHDRAWN: byAuthorOrModerator },
	SUBMITTED: { IN_REVIEW: { who: ['moderator'], via: 'transition' }, WITHDRAWN: byAuthorOrModerator },
	IN_REVIEW: { APPROVED: decided, REJECTED: decided, SENT_BACK: decided, WITHDRAWN: byAuthorOrModerator },
	SENT_BACK: { SUBMITTED: byAuthorOrModerator, WITHDRAWN: byAuthorOrModerator },
	APPROVED: { IN_EXECUTION: { who: ['moderator'], via: 'execution' } },
	IN_EXECUTION: { DELIVERED: { who: ['executor', 'moderator'], via: 'transition' } },
	REJECTED: {},
	DELIVERED: {},
	WITHDRAWN: {}
};

const acts = (a: ProposalActor, who: Who): boolean =>
	who === 'moderator' ? a.canModerate : who === 'author' ? a.isAuthor && a.canEdit : a.isExecutor;

/** Throws unless `actor` may move a proposal from `from` to `to` this way: CONFLICT when the
 * move does not exist from this state (or not this way), FORBIDDEN when it is not theirs. */
export function checkMove(actor: ProposalActor, from: ProposalState, to: ProposalState, via: Via): void {
	const move = MOVES[from][to];
	if (!move || move.via !== via) throw new DomainError('CONFLICT', `cannot move from ${from} to ${to} this way`);
	if (!move.who.some((w) => acts(actor, w))) throw new DomainError('FORBIDDEN', `not allowed to move to ${to}`);
}

export const mayMove = (actor: ProposalActor, from: ProposalState, to: ProposalState, via: Via): boolean => {
	try {
		checkMove(actor, from, to, via);
		return true;
	} catch {
		return false;
	}
};

/** The plain transitions the actor may make now (what the proposal page offers as buttons). */
export const transitionsFor = (actor: ProposalActor, state: ProposalState): ProposalState[] =>
	(Object.keys(MOVES[state]) as ProposalState[]).filter((to) => mayMove(actor, state, to, 'transition'));

/** Filing: anyone seated who is not an observer, and administrators. */
export const mayFile = (actor: Pick<ProposalActor, 'canEdit'>): boolean => actor.canEdit;

/** Drafts are their author's and the moderators' until submitted. */
export const maySee = (actor: ProposalActor, state: ProposalState): boolean => state !== 'DRAFT' || actor.isAuthor || actor.canModerate;

/** The text may change before a decision and after being sent back; every change is a revision. */
export const EDITABLE: readonly ProposalState[] = ['DRAFT', 'SUBMITTED', 'SENT_BACK'];
export const mayEditText = (actor: ProposalActor, state: ProposalState): boolean =>
	EDITABLE.includes(state) && ((actor.isAuthor && actor.canEdit) || actor.canModerate);

/** The sides the actor may give a position for while the proposal is in review: their own
 * seat's side; moderators record any side's position (as said in the meeting). */
export function reviewSidesFor(actor: ProposalActor, state: ProposalState): ReviewSide[] {
	if (state !== 'IN_REVIEW') return [];
	if (actor.canModerate) return [...REVIEW_SIDES];
	if (!actor.canEdit || !actor.side) return [];
	return (REVIEW_SIDES as readonly Side[]).includes(actor.side) ? [actor.side as ReviewSide] : [];
}

/** Whether a side answers with a verdict (expert, agency, legal, media) or with feasibility (executor). */
export const givesVerdict = (side: ReviewSide): boolean => (VERDICT_SIDES as readonly string[]).includes(side);

/** Milestones, notes and delivery: the outcome's executor and the moderators. */
export const mayRunOutcome = (actor: ProposalActor): boolean => actor.canModerate || actor.isExecutor;

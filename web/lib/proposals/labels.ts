// Labels for the words of proposals, votes and outcomes, through the i18n layer.
import { m } from '$lib/paraglide/messages';
import type {
	BallotChoice,
	BoardColumnId,
	DecisionOutcome,
	Feasibility,
	MajorityRule,
	Need,
	OutcomeKind,
	OutcomeStatus,
	ProposalPersonRole,
	ProposalState,
	SidePosition,
	VoteResult
} from '$shared/proposals';
import { errorText as databankErrorText } from '$lib/databank/labels';

const STATE: Record<ProposalState, () => string> = {
	DRAFT: m.prop_state_DRAFT,
	SUBMITTED: m.prop_state_SUBMITTED,
	IN_REVIEW: m.prop_state_IN_REVIEW,
	APPROVED: m.prop_state_APPROVED,
	REJECTED: m.prop_state_REJECTED,
	SENT_BACK: m.prop_state_SENT_BACK,
	IN_EXECUTION: m.prop_state_IN_EXECUTION,
	DELIVERED: m.prop_state_DELIVERED,
	WITHDRAWN: m.prop_state_WITHDRAWN
};
/** What the button that moves a proposal into a state says. */
const MOVE: Partial<Record<ProposalState, () => string>> = {
	SUBMITTED: m.prop_move_SUBMITTED,
	IN_REVIEW: m.prop_move_IN_REVIEW,
	WITHDRAWN: m.prop_move_WITHDRAWN,
	DELIVERED: m.prop_move_DELIVERED
};
const COLUMN: Record<BoardColumnId, () => string> = {
	draft: m.prop_column_draft,
	submitted: m.prop_column_submitted,
	review: m.prop_column_review,
	decided: m.prop_column_decided,
	execution: m.prop_column_execution,
	delivered: m.prop_column_delivered
};
const NEED: Record<Need, () => string> = {
	CAPITAL: m.prop_need_CAPITAL,
	EXPERTISE: m.prop_need_EXPERTISE,
	PERMITS: m.prop_need_PERMITS,
	PUBLICITY: m.prop_need_PUBLICITY
};
const PERSON_ROLE: Record<ProposalPersonRole, () => string> = {
	IDEA_OWNER: m.prop_person_IDEA_OWNER,
	CAPITAL_OWNER: m.prop_person_CAPITAL_OWNER,
	EXPERT: m.prop_person_EXPERT
};
const POSITION: Record<SidePosition, () => string> = {
	PROPOSES: m.prop_position_PROPOSES,
	SUPPORTS: m.prop_position_SUPPORTS,
	CONDITIONS: m.prop_position_CONDITIONS,
	OBJECTS: m.prop_position_OBJECTS,
	FEASIBLE: m.prop_position_FEASIBLE,
	WITH_CHANGES: m.prop_position_WITH_CHANGES,
	NOT_FEASIBLE: m.prop_position_NOT_FEASIBLE,
	NONE: m.prop_position_NONE
};
const KIND: Record<OutcomeKind, () => string> = { PRODUCT: m.outcome_kind_PRODUCT, SERVICE: m.outcome_kind_SERVICE };
const STATUS: Record<OutcomeStatus, () => string> = {
	ON_TRACK: m.outcome_status_ON_TRACK,
	AT_RISK: m.outcome_status_AT_RISK,
	BLOCKED: m.outcome_status_BLOCKED,
	DELIVERED: m.outcome_status_DELIVERED
};
const MAJORITY: Record<MajorityRule, () => string> = {
	SIMPLE: m.majority_SIMPLE,
	ABSOLUTE: m.majority_ABSOLUTE,
	TWO_THIRDS: m.majority_TWO_THIRDS
};
const CHOICE: Record<BallotChoice, () => string> = { YES: m.vote_choice_YES, NO: m.vote_choice_NO, ABSTAIN: m.vote_choice_ABSTAIN };
const RESULT: Record<VoteResult, () => string> = {
	PASSED: m.vote_result_PASSED,
	FAILED: m.vote_result_FAILED,
	NO_QUORUM: m.vote_result_NO_QUORUM
};
const DECISION: Record<DecisionOutcome, () => string> = {
	APPROVED: m.decision_APPROVED,
	REJECTED: m.decision_REJECTED,
	SENT_BACK: m.decision_SENT_BACK
};

export const stateLabel = (s: ProposalState): string => STATE[s]();
export const moveLabel = (s: ProposalState): string => (MOVE[s] ?? STATE[s])();
export const columnLabel = (c: BoardColumnId): string => COLUMN[c]();
export const needLabel = (n: Need): string => NEED[n]();
export const personRoleLabel = (r: ProposalPersonRole): string => PERSON_ROLE[r]();
export const positionLabel = (p: SidePosition): string => POSITION[p]();
export const verdictLabel = (v: SidePosition): string => POSITION[v]();
export const feasibilityLabel = (f: Feasibility): string => POSITION[f]();
export const outcomeKindLabel = (k: OutcomeKind): string => KIND[k]();
export const outcomeStatusLabel = (s: OutcomeStatus): string => STATUS[s]();
export const majorityLabel = (r: MajorityRule): string => MAJORITY[r]();
export const choiceLabel = (c: BallotChoice): string => CHOICE[c]();
export const resultLabel = (r: VoteResult): string => RESULT[r]();
export const decisionLabel = (d: DecisionOutcome): string => DECISION[d]();

const ERRORS: Record<string, () => string> = {
	stale: m.prop_err_stale,
	conflict: m.prop_err_conflict,
	vote_open: m.prop_err_vote_open,
	vote_closed: m.prop_err_vote_closed,
	not_live: m.prop_err_not_live,
	not_in_review: m.prop_err_not_in_review,
	already_voted: m.prop_err_already_voted,
	not_present: m.prop_err_not_present,
	not_running: m.prop_err_not_running,
	milestones_open: m.prop_err_milestones_open,
	invalid_link: m.prop_err_invalid_link,
	FORBIDDEN: m.prop_err_forbidden,
	CONFLICT: m.prop_err_conflict,
	NOT_FOUND: m.prop_err_not_found,
	UNAVAILABLE: m.prop_err_unavailable
};

/** The message for an error code from the proposal domain, or the databank's for the shared ones. */
export const errorText = (code: string | undefined): string => (code ? (ERRORS[code]?.() ?? databankErrorText(code)) : '');

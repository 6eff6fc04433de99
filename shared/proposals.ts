// Proposals to outcomes: the words (MISSION.md's table) and the input schemas, defined once
// for the domain, the form actions and the Socket.IO handlers.
import { z } from 'zod';
import type { Side } from './sides';

export const PROPOSAL_STATES = [
	'DRAFT',
	'SUBMITTED',
	'IN_REVIEW',
	'APPROVED',
	'REJECTED',
	'SENT_BACK',
	'IN_EXECUTION',
	'DELIVERED',
	'WITHDRAWN'
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** States a plain decision (vote or consensus) leads to, from IN_REVIEW. */
export const DECISION_OUTCOMES = ['APPROVED', 'REJECTED', 'SENT_BACK'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The pipeline board's columns, left to right (in reading order). */
export const BOARD_COLUMNS = [
	{ id: 'draft', states: ['DRAFT'] },
	{ id: 'submitted', states: ['SUBMITTED', 'SENT_BACK'] },
	{ id: 'review', states: ['IN_REVIEW'] },
	{ id: 'decided', states: ['APPROVED', 'REJECTED'] },
	{ id: 'execution', states: ['IN_EXECUTION'] },
	{ id: 'delivered', states: ['DELIVERED'] }
] as const satisfies readonly { id: string; states: readonly ProposalState[] }[];
export type BoardColumnId = (typeof BOARD_COLUMNS)[number]['id'];

export const NEEDS = ['CAPITAL', 'EXPERTISE', 'PERMITS', 'PUBLICITY'] as const;
export type Need = (typeof NEEDS)[number];

export const PROPOSAL_PERSON_ROLES = ['IDEA_OWNER', 'CAPITAL_OWNER', 'EXPERT'] as const;
export type ProposalPersonRole = (typeof PROPOSAL_PERSON_ROLES)[number];

/** The sides that give a verdict in review; the executor states feasibility instead. */
export const VERDICT_SIDES = ['EXPERT', 'AGENCY', 'LEGAL', 'MEDIA'] as const satisfies readonly Side[];
export const REVIEW_SIDES = [...VERDICT_SIDES, 'EXECUTOR'] as const satisfies readonly Side[];
export type ReviewSide = (typeof REVIEW_SIDES)[number];

export const VERDICTS = ['SUPPORTS', 'CONDITIONS', 'OBJECTS'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const FEASIBILITIES = ['FEASIBLE', 'WITH_CHANGES', 'NOT_FEASIBLE'] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];

/** One side's position as the six-sided picture shows it. The entrepreneurs' side is the
 * proposing side; the others have reviewed or not. */
export type SidePosition = 'PROPOSES' | Verdict | Feasibility | 'NONE';
export type PositionTone = 'positive' | 'caution' | 'negative' | 'none';
export const positionTone = (p: SidePosition): PositionTone =>
	p === 'PROPOSES' || p === 'SUPPORTS' || p === 'FEASIBLE'
		? 'positive'
		: p === 'CONDITIONS' || p === 'WITH_CHANGES'
			? 'caution'
			: p === 'NONE'
				? 'none'
				: 'negative';

export const MAJORITY_RULES = ['SIMPLE', 'ABSOLUTE', 'TWO_THIRDS'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];
export const BALLOT_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export const VOTE_RESULTS = ['PASSED', 'FAILED', 'NO_QUORUM'] as const;
export type VoteResult = (typeof VOTE_RESULTS)[number];

export const OUTCOME_KINDS = ['PRODUCT', 'SERVICE'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_STATUSES = ['ON_TRACK', 'AT_RISK', 'BLOCKED', 'DELIVERED'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
/** Statuses an update may set; DELIVERED only comes with delivering the outcome. */
export const UPDATE_STATUSES = ['ON_TRACK', 'AT_RISK', 'BLOCKED'] as const;

// ---- Input schemas (messages are short codes a form shows next to the field) ----

const Id = z.string().trim().min(1, 'required').max(64, 'too_long');
const text = (max: number) => z.string().trim().max(max, 'too_long').default('');
const optionalId = z.preprocess((v) => (v === '' ? null : v), Id.nullable().default(null));

export const ProposalInput = z.object({
	title: z.string().trim().min(1, 'required').max(200, 'too_long'),
	problem: text(5000),
	idea: text(5000),
	needs: z
		.array(z.object({ need: z.enum(NEEDS), note: text(300) }))
		.max(NEEDS.length)
		.default([])
		.transform((xs) => [...new Map(xs.map((x) => [x.need, x])).values()]),
	people: z
		.array(z.object({ personId: Id, role: z.enum(PROPOSAL_PERSON_ROLES) }))
		.max(30, 'too_many')
		.default([])
		.transform((xs) => [...new Map(xs.map((x) => [`${x.role}:${x.personId}`, x])).values()]),
	/** Why this version was written (kept with the revision). */
	note: text(500)
});
export type ProposalInput = z.input<typeof ProposalInput>;

/** Filing: the text, and where it was raised (a meeting and one of its agenda items). */
export const NewProposalInput = ProposalInput.extend({
	meetingId: optionalId,
	agendaItemId: z.preprocess(
		(v) => (v === '' ? null : v),
		z
			.string()
			.max(64)
			.regex(/^[\w.-]+$/, 'invalid')
			.nullable()
			.default(null)
	),
	/** File it straight away rather than keep a draft. */
	submit: z.boolean().default(false)
});
export type NewProposalInput = z.input<typeof NewProposalInput>;

export const TransitionInput = z.object({
	to: z.enum(PROPOSAL_STATES),
	reason: text(1000)
});
export type TransitionInput = z.input<typeof TransitionInput>;

const optionalInt = (min: number, max: number) =>
	z.preprocess(
		(v) => (v === '' || v === null || v === undefined ? null : v),
		z.coerce.number().int('invalid').min(min, 'invalid').max(max, 'invalid').nullable()
	);

export const ReviewInput = z.object({
	side: z.enum(REVIEW_SIDES),
	verdict: z.preprocess((v) => (v === '' ? null : v), z.enum(VERDICTS).nullable().default(null)),
	feasibility: z.preprocess((v) => (v === '' ? null : v), z.enum(FEASIBILITIES).nullable().default(null)),
	estimateWeeks: optionalInt(0, 520).default(null),
	estimateCost: text(200),
	reasons: z.string().trim().min(1, 'required').max(3000, 'too_long')
});
export type ReviewInput = z.input<typeof ReviewInput>;

export const OutcomeStartInput = z.object({
	kind: z.enum(OUTCOME_KINDS),
	executorPersonId: Id,
	title: text(200),
	description: text(3000)
});
export type OutcomeStartInput = z.input<typeof OutcomeStartInput>;

/** A calendar day, yyyy-mm-dd (what <input type=date> sends). */
const Day = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'invalid');

export const MilestoneInput = z.object({
	title: z.string().trim().min(1, 'required').max(200, 'too_long'),
	dueDate: Day,
	progress: z.coerce.number().int('invalid').min(0, 'invalid').max(100, 'invalid').default(0)
});
export type MilestoneInput = z.input<typeof MilestoneInput>;

export const ProgressInput = z.object({
	milestoneId: Id,
	progress: z.coerce.number().int('invalid').min(0, 'invalid').max(100, 'invalid')
});

/** Attachments are links; only web addresses, so a link cannot run script. */
const WebLink = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim() : v),
	z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'invalid_link' }).max(1000, 'too_long')]).default('')
);

export const OutcomeUpdateInput = z.object({
	note: z.string().trim().min(1, 'required').max(2000, 'too_long'),
	status: z.preprocess((v) => (v === '' ? null : v), z.enum(UPDATE_STATUSES).nullable().default(null)),
	linkUrl: WebLink,
	linkTitle: text(200)
});
export type OutcomeUpdateInput = z.input<typeof OutcomeUpdateInput>;

export const ProposalSettingsInput = z.object({
	majorityRule: z.enum(MAJORITY_RULES),
	publishOutcomes: z.boolean().default(false)
});
export type ProposalSettingsInput = z.input<typeof ProposalSettingsInput>;

export const OutcomeFilter = z.object({
	groupId: z.string().max(64).default(''),
	districtId: z.string().max(64).default(''),
	fieldId: z.string().max(64).default(''),
	kind: z.union([z.literal(''), z.enum(OUTCOME_KINDS)]).default(''),
	status: z.union([z.literal(''), z.enum(OUTCOME_STATUSES)]).default('')
});
export type OutcomeFilter = z.input<typeof OutcomeFilter>;

export type Positions = Record<Side, SidePosition>;

export interface TimelineEntry {
	id: string;
	kind: string;
	fromState: ProposalState | null;
	toState: ProposalState | null;
	side: Side | null;
	detail: string;
	reason: string;
	meetingId: string | null;
	at: string;
	by: string | null;
}

export interface ReviewView {
	side: Side;
	verdict: Verdict | null;
	feasibility: Feasibility | null;
	estimateWeeks: number | null;
	estimateCost: string;
	reasons: string;
	by: string | null;
	updatedAt: string;
}

export interface ProposalDetail {
	id: string;
	title: string;
	problem: string;
	idea: string;
	state: ProposalState;
	revision: number;
	createdAt: string;
	stateChangedAt: string;
	group: { id: string; name: string };
	author: string | null;
	raisedIn: { meetingId: string; agendaItemId: string | null } | null;
	needs: { need: Need; note: string }[];
	people: { personId: string; name: string; role: ProposalPersonRole }[];
	reviews: ReviewView[];
	positions: Positions;
	votes: {
		voteId: string;
		meetingId: string;
		yes: number;
		no: number;
		abstain: number;
		result: VoteResult | null;
		present: number | null;
		closedAt: string | null;
	}[];
	decisions: { id: string; meetingId: string; method: 'VOTE' | 'CONSENSUS'; outcome: DecisionOutcome; text: string; decidedAt: string }[];
	outcome: { id: string; kind: OutcomeKind; status: OutcomeStatus; progress: number } | null;
	timeline: TimelineEntry[];
	rights: {
		canEdit: boolean;
		moves: ProposalState[];
		reviewSides: ReviewSide[];
		canStartExecution: boolean;
		canDeliver: boolean;
	};
	/** People seated in the group, for choosing the executor (when the reader may start execution). */
	executors: { personId: string; name: string; side: Side }[];
}

export interface MilestoneView {
	id: string;
	title: string;
	dueDate: string;
	progress: number;
}

export interface OutcomeDetail {
	id: string;
	proposalId: string;
	title: string;
	description: string;
	kind: OutcomeKind;
	status: OutcomeStatus;
	startedAt: string;
	deliveredAt: string | null;
	progress: number;
	group: { id: string; name: string; publishOutcomes: boolean };
	executor: { personId: string; name: string } | null;
	milestones: MilestoneView[];
	updates: { id: string; status: OutcomeStatus | null; note: string; linkUrl: string; linkTitle: string; by: string | null; at: string }[];
	rights: { canRun: boolean; canDeliver: boolean };
}

export interface ProposalCard {
	id: string;
	title: string;
	state: ProposalState;
	needs: Need[];
	positions: Positions;
	stateChangedAt: string;
	outcome: { id: string; kind: 'PRODUCT' | 'SERVICE' } | null;
}

// The proposal lifecycle's rules, pure: every move from every state, for every kind of actor.
// The expected table is written out here on its own, not derived from the code under test.
import { describe, expect, it } from 'vitest';
import { PROPOSAL_STATES, type ProposalState } from '../../shared/proposals';
import { accessFor } from '../../server/domain/access';
import {
	checkMove,
	mayEditText,
	mayFile,
	maySee,
	mayRunOutcome,
	reviewSidesFor,
	transitionsFor,
	type ProposalActor,
	type Via
} from '../../server/domain/proposals/rules';
import { proposalActor } from '../../server/domain/proposals/proposal-access';
import { DomainError } from '../../server/domain/errors';
import type { GroupRole, Side } from '../../shared/sides';

type Kind = 'author' | 'moderator' | 'admin' | 'member' | 'executorRole' | 'observer' | 'outcomeExecutor' | 'observerAuthor';

function actor(kind: Kind): ProposalActor {
	const seat = (role: GroupRole, side: Side) => ({ role, side });
	const seats: Record<Kind, { role: GroupRole; side: Side } | null> = {
		author: seat('MEMBER', 'ENTREPRENEUR'),
		moderator: seat('MODERATOR', 'EXPERT'),
		admin: null,
		member: seat('MEMBER', 'LEGAL'),
		executorRole: seat('EXECUTOR', 'EXECUTOR'),
		observer: seat('OBSERVER', 'MEDIA'),
		outcomeExecutor: seat('MEMBER', 'EXECUTOR'),
		// Filed it while a member, now only watches.
		observerAuthor: seat('OBSERVER', 'ENTREPRENEUR')
	};
	const access = accessFor('g1', kind === 'admin', seats[kind]);
	return proposalActor(
		{
			userId: kind === 'author' || kind === 'observerAuthor' ? 'u-author' : `u-${kind}`,
			organisationId: 'o',
			personId: `p-${kind}`,
			isAdmin: kind === 'admin'
		},
		access,
		{ authorId: 'u-author', outcome: { id: 'o1', executorPersonId: 'p-outcomeExecutor' } }
	);
}

const KINDS: Kind[] = ['author', 'moderator', 'admin', 'member', 'executorRole', 'observer', 'outcomeExecutor', 'observerAuthor'];
const MOD: Kind[] = ['moderator', 'admin'];
const AUTHOR_OR_MOD: Kind[] = ['author', ...MOD];

/** from → to → [how, who may]. Every pair not listed is refused to everyone. */
const ALLOWED: Partial<Record<ProposalState, Partial<Record<ProposalState, [Via, Kind[]]>>>> = {
	DRAFT: { SUBMITTED: ['transition', AUTHOR_OR_MOD], WITHDRAWN: ['transition', AUTHOR_OR_MOD] },
	SUBMITTED: { IN_REVIEW: ['transition', MOD], WITHDRAWN: ['transition', AUTHOR_OR_MOD] },
	IN_REVIEW: {
		APPROVED: ['decision', MOD],
		REJECTED: ['decision', MOD],
		SENT_BACK: ['decision', MOD],
		WITHDRAWN: ['transition', AUTHOR_OR_MOD]
	},
	SENT_BACK: { SUBMITTED: ['transition', AUTHOR_OR_MOD], WITHDRAWN: ['transition', AUTHOR_OR_MOD] },
	APPROVED: { IN_EXECUTION: ['execution', MOD] },
	IN_EXECUTION: { DELIVERED: ['transition', ['outcomeExecutor', ...MOD]] }
};

const refusal = (fn: () => void): string | null => {
	try {
		fn();
		return null;
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		return e.code;
	}
};

describe('every move from every state, for every actor', () => {
	for (const from of PROPOSAL_STATES) {
		for (const to of PROPOSAL_STATES) {
			const rule = ALLOWED[from]?.[to];
			for (const via of ['transition', 'decision', 'execution'] as Via[]) {
				it(`${from} → ${to} by ${via}`, () => {
					for (const kind of KINDS) {
						const got = refusal(() => checkMove(actor(kind), from, to, via));
						if (!rule || rule[0] !== via) expect(got, `${kind}`).toBe('CONFLICT');
						else expect(got, `${kind}`).toBe(rule[1].includes(kind) ? null : 'FORBIDDEN');
					}
				});
			}
		}
	}

	it('final states go nowhere', () => {
		for (const from of ['REJECTED', 'DELIVERED', 'WITHDRAWN'] as const)
			for (const kind of KINDS) expect(transitionsFor(actor(kind), from)).toEqual([]);
	});

	it('offers each actor only the plain moves they may make', () => {
		expect(transitionsFor(actor('author'), 'DRAFT')).toEqual(['SUBMITTED', 'WITHDRAWN']);
		expect(transitionsFor(actor('member'), 'DRAFT')).toEqual([]);
		expect(transitionsFor(actor('moderator'), 'SUBMITTED')).toEqual(['IN_REVIEW', 'WITHDRAWN']);
		expect(transitionsFor(actor('author'), 'SUBMITTED')).toEqual(['WITHDRAWN']);
		// Decisions are not plain moves: they are taken in a meeting.
		expect(transitionsFor(actor('moderator'), 'IN_REVIEW')).toEqual(['WITHDRAWN']);
		expect(transitionsFor(actor('outcomeExecutor'), 'IN_EXECUTION')).toEqual(['DELIVERED']);
		expect(transitionsFor(actor('executorRole'), 'IN_EXECUTION')).toEqual([]);
	});
});

describe('filing, seeing, editing, reviewing, running the outcome', () => {
	it('lets everyone seated file except observers', () => {
		const can = Object.fromEntries(KINDS.map((k) => [k, mayFile(actor(k))]));
		expect(can).toEqual({
			author: true,
			moderator: true,
			admin: true,
			member: true,
			executorRole: true,
			observer: false,
			outcomeExecutor: true,
			observerAuthor: false
		});
	});

	it('keeps drafts to their author and the moderators', () => {
		for (const kind of KINDS) {
			expect(maySee(actor(kind), 'DRAFT'), kind).toBe(['author', 'observerAuthor', 'moderator', 'admin'].includes(kind));
			for (const state of PROPOSAL_STATES.filter((s) => s !== 'DRAFT')) expect(maySee(actor(kind), state)).toBe(true);
		}
	});

	it('lets the author (still seated to edit) and moderators change the text before a decision and after a send-back', () => {
		for (const state of PROPOSAL_STATES) {
			for (const kind of KINDS) {
				const editable = ['DRAFT', 'SUBMITTED', 'SENT_BACK'].includes(state) && AUTHOR_OR_MOD.includes(kind);
				expect(mayEditText(actor(kind), state), `${kind} in ${state}`).toBe(editable);
			}
		}
	});

	it('lets each reviewing side speak for itself, moderators for any, only while in review', () => {
		expect(reviewSidesFor(actor('member'), 'IN_REVIEW')).toEqual(['LEGAL']);
		expect(reviewSidesFor(actor('executorRole'), 'IN_REVIEW')).toEqual(['EXECUTOR']);
		expect(reviewSidesFor(actor('moderator'), 'IN_REVIEW')).toEqual(['EXPERT', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR']);
		expect(reviewSidesFor(actor('admin'), 'IN_REVIEW')).toHaveLength(5);
		// Entrepreneurs propose; they do not review. Observers only watch.
		expect(reviewSidesFor(actor('author'), 'IN_REVIEW')).toEqual([]);
		expect(reviewSidesFor(actor('observer'), 'IN_REVIEW')).toEqual([]);
		for (const state of PROPOSAL_STATES.filter((s) => s !== 'IN_REVIEW')) expect(reviewSidesFor(actor('moderator'), state)).toEqual([]);
	});

	it('lets the outcome executor and moderators run the outcome', () => {
		expect(KINDS.filter((k) => mayRunOutcome(actor(k)))).toEqual(['moderator', 'admin', 'outcomeExecutor']);
	});
});

// Finding a proposal for an actor: strangers and readers of someone else's draft get
// NOT_FOUND (the same answer as for an id that does not exist, so ids cannot be probed).
import type { Db } from '../../db/client';
import type { ProposalState } from '../../../shared/proposals';
import { groupAccess, type Actor, type GroupAccess } from '../access';
import { DomainError } from '../errors';
import { maySee, type ProposalActor } from './rules';

export interface ProposalRef {
	id: string;
	groupId: string;
	state: ProposalState;
	title: string;
	revision: number;
	authorId: string | null;
	outcome: { id: string; executorPersonId: string | null } | null;
}

export interface FoundProposal {
	proposal: ProposalRef;
	access: GroupAccess;
	who: ProposalActor;
}

/** The rules' view of an actor for one proposal. */
export function proposalActor(actor: Actor, access: GroupAccess, p: Pick<ProposalRef, 'authorId' | 'outcome'>): ProposalActor {
	return {
		isAdmin: actor.isAdmin,
		role: access.role,
		side: access.side,
		canEdit: access.canEdit,
		canModerate: access.canModerate,
		isAuthor: p.authorId !== null && p.authorId === actor.userId,
		isExecutor: actor.personId !== null && p.outcome?.executorPersonId === actor.personId
	};
}

const notFound = () => new DomainError('NOT_FOUND', 'proposal not found');

/** Re-throws a group's NOT_FOUND as the proposal's own. */
export async function readableGroup(db: Db, actor: Actor, groupId: string, what = notFound): Promise<GroupAccess> {
	return groupAccess(db, actor, groupId).catch((error: unknown) => {
		throw error instanceof DomainError && error.code === 'NOT_FOUND' ? what() : error;
	});
}

/** The proposal and the actor's rights on it; NOT_FOUND unless they may see it. */
export async function findProposal(db: Db, actor: Actor, proposalId: string): Promise<FoundProposal> {
	const proposal = await db.proposal.findUnique({
		where: { id: proposalId },
		select: {
			id: true,
			groupId: true,
			state: true,
			title: true,
			revision: true,
			authorId: true,
			outcome: { select: { id: true, executorPersonId: true } }
		}
	});
	if (!proposal) throw notFound();
	const access = await readableGroup(db, actor, proposal.groupId);
	const who = proposalActor(actor, access, proposal);
	if (!mayRead(actor, access, proposal)) throw notFound();
	return { proposal, access, who };
}

/** The one visibility rule for a proposal, for its page and for every list of hits
 * (search): a draft is its author's and the moderators' until submitted. */
export const mayRead = (actor: Actor, access: GroupAccess, p: Pick<ProposalRef, 'state' | 'authorId' | 'outcome'>): boolean =>
	maySee(proposalActor(actor, access, p), p.state);

/** Which of these proposals the actor may read (the same rule as findProposal); ids that
 * do not exist, or lie in groups the actor cannot read, are left out. */
export async function readableProposalIds(db: Db, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const proposals = await db.proposal.findMany({
		where: { id: { in: [...new Set(ids)] }, group: { organisationId: actor.organisationId } },
		select: { id: true, groupId: true, state: true, authorId: true, outcome: { select: { id: true, executorPersonId: true } } }
	});
	const accesses = new Map<string, GroupAccess | null>();
	for (const groupId of new Set(proposals.map((p) => p.groupId)))
		accesses.set(
			groupId,
			await groupAccess(db, actor, groupId).catch((error: unknown) => {
				if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
				throw error;
			})
		);
	const readable = new Set<string>();
	for (const p of proposals) {
		const access = accesses.get(p.groupId);
		if (access && mayRead(actor, access, p)) readable.add(p.id);
	}
	return readable;
}

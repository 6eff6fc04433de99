// Whom a comment may mention: the people seated in the proposal's group who have an account
// and may read the proposal (a draft's discussion reaches only those who may read the draft).
import type { Db } from '../../db/client';
import type { CommentPerson } from '../../../shared/discussion';
import { accessFor } from '../access';
import { mayRead, type FoundProposal } from '../proposals/proposal-access';

/** The group's members who could follow a mention of them to this proposal, by name. */
export async function mentionable(db: Db, { proposal }: Pick<FoundProposal, 'proposal'>): Promise<CommentPerson[]> {
	const seats = await db.membership.findMany({
		where: { groupId: proposal.groupId, person: { user: { isNot: null } } },
		select: {
			role: true,
			side: true,
			person: { select: { id: true, user: { select: { id: true, name: true, isAdmin: true, organisationId: true } } } }
		}
	});
	const people: CommentPerson[] = [];
	for (const seat of seats) {
		const user = seat.person.user!;
		const actor = { userId: user.id, organisationId: user.organisationId, personId: seat.person.id, isAdmin: user.isAdmin };
		if (mayRead(actor, accessFor(proposal.groupId, user.isAdmin, seat), proposal)) people.push({ userId: user.id, name: user.name });
	}
	return people.sort((a, b) => a.name.localeCompare(b.name, 'fa'));
}

// The databank people a proposal may name (idea owner, capital owner, experts), under the
// databank's privacy rules: readers who see details may link anyone active; other members
// may link people who consented to introductions, and the people seated in the group.
import type { Db, Prisma } from '../../db/client';
import type { ProposalPersonRole } from '../../../shared/proposals';
import type { Actor } from '../access';
import { rightsFor, databankLevel } from '../databank/access';
import { DomainError } from '../errors';

export interface LinkablePerson {
	id: string;
	name: string;
}

const LIMIT = 500;

async function linkableWhere(db: Db, actor: Actor, groupId: string): Promise<Prisma.PersonWhereInput> {
	const rights = rightsFor(await databankLevel(db, actor));
	const base = { organisationId: actor.organisationId, archivedAt: null };
	if (rights.seeDetails) return base;
	return { ...base, OR: [{ consent: true }, { memberships: { some: { groupId } } }] };
}

/** People the actor may link to a proposal of the group, by name. */
export async function linkablePeople(db: Db, actor: Actor, groupId: string): Promise<LinkablePerson[]> {
	return db.person.findMany({
		where: await linkableWhere(db, actor, groupId),
		select: { id: true, name: true },
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
		take: LIMIT
	});
}

/** The same for a proposal's edit form, with the people it links already: those stay
 * selectable (after the others) even where the editor could not pick them. */
export async function linkablePeopleKeeping(db: Db, actor: Actor, groupId: string, linked: string[]): Promise<LinkablePerson[]> {
	const people = await linkablePeople(db, actor, groupId);
	const missing = linked.filter((id) => !people.some((p) => p.id === id));
	const extra = missing.length ? await db.person.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } }) : [];
	return [...people, ...extra];
}

/** Refuses links to people the actor may not see (INVALID on the `people` field). Links the
 * proposal already has stay allowed, so an edit by someone with fewer rights keeps them. */
export async function checkLinks(
	db: Db,
	actor: Actor,
	groupId: string,
	links: { personId: string; role: ProposalPersonRole }[],
	existing: string[] = []
): Promise<void> {
	const ids = [...new Set(links.map((l) => l.personId))].filter((id) => !existing.includes(id));
	if (ids.length === 0) return;
	const found = await db.person.count({ where: { AND: [await linkableWhere(db, actor, groupId), { id: { in: ids } }] } });
	if (found !== ids.length) throw new DomainError('INVALID', 'unknown person', { people: 'unknown' });
}

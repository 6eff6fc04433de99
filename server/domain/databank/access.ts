// Privacy of the databank, in one place: who sees which people, which of their details,
// and which filters they may use. Pages, exports and suggestions all go through here.
//   administrators  everything, and they manage the databank
//   moderators      everyone's details and contacts; they suggest and introduce
//   members         (any seat: member, executor, observer) names, fields, offers and seeks
//                   of people who consented to be introduced
//   everyone else   nothing
import type { Db } from '../../db/client';
import type { GroupRole } from '../../../shared/sides';
import type { DatabankLevel, EcosystemRole, Exchange } from '../../../shared/databank';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import type { FieldRef, PersonSummary, PersonDetails, PersonView } from '../../../shared/databank';

export type { FieldRef, PersonSummary, PersonDetails, PersonView } from '../../../shared/databank';

/** The pure rule: a level from the admin flag and the roles of the actor's seats. */
export function levelFor(isAdmin: boolean, seatRoles: readonly GroupRole[]): DatabankLevel {
	if (isAdmin) return 'admin';
	if (seatRoles.includes('MODERATOR')) return 'contacts';
	return seatRoles.length > 0 ? 'directory' : 'none';
}

/** The actor's level, from their seats in the organisation's groups. */
export async function databankLevel(db: Db, actor: Actor): Promise<DatabankLevel> {
	if (actor.isAdmin) return 'admin';
	if (!actor.personId) return 'none';
	const seats = await db.membership.findMany({
		where: { personId: actor.personId, group: { organisationId: actor.organisationId } },
		select: { role: true },
		distinct: ['role']
	});
	return levelFor(
		false,
		seats.map((s) => s.role)
	);
}

export interface DatabankRights {
	level: DatabankLevel;
	read: boolean;
	/** Email, phone, district, bio, roles; archived people and those who did not consent. */
	seeDetails: boolean;
	/** Suggestions and introductions. */
	link: boolean;
	/** Create, edit, merge, archive, import, export, managed lists. */
	manage: boolean;
}

export function rightsFor(level: DatabankLevel): DatabankRights {
	const details = level === 'admin' || level === 'contacts';
	return { level, read: level !== 'none', seeDetails: details, link: details, manage: level === 'admin' };
}

/** The actor's rights; strangers get NOT_FOUND, so they learn nothing, not even that the databank exists. */
export async function databankRights(db: Db, actor: Actor): Promise<DatabankRights> {
	const rights = rightsFor(await databankLevel(db, actor));
	if (!rights.read) throw new DomainError('NOT_FOUND', 'databank not found');
	return rights;
}

/** Throws FORBIDDEN unless the actor has the right. */
export async function requireDatabankRight(db: Db, actor: Actor, right: 'link' | 'manage'): Promise<DatabankRights> {
	const rights = await databankRights(db, actor);
	if (!rights[right]) throw new DomainError('FORBIDDEN', `databank: ${right}`);
	return rights;
}

// ---- What a person looks like to a reader ----

/** A person as stored, with the relations the databank reads. */
export interface PersonRecord {
	id: string;
	name: string;
	email: string | null;
	phone: string | null;
	bio: string;
	consent: boolean;
	archivedAt: Date | null;
	mergedIntoId: string | null;
	district: { id: string; name: string } | null;
	fields: { field: FieldRef }[];
	roles: { role: EcosystemRole }[];
	exchanges: { direction: 'OFFER' | 'SEEK'; kind: Exchange }[];
}

/** The Prisma `select` that reads a PersonRecord. */
export const personRecordSelect = {
	id: true,
	name: true,
	email: true,
	phone: true,
	bio: true,
	consent: true,
	archivedAt: true,
	mergedIntoId: true,
	district: { select: { id: true, name: true } },
	fields: { select: { field: { select: { id: true, name: true, kind: true } } } },
	roles: { select: { role: true } },
	exchanges: { select: { direction: true, kind: true } }
} as const;

export const hasDetails = (p: PersonView): p is PersonDetails => 'email' in p;

/** Shapes a stored person for a reader; nothing beyond the reader's level leaves here. */
export function viewPerson(rights: DatabankRights, p: PersonRecord): PersonView {
	const fields = p.fields.map((f) => f.field).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'fa'));
	const summary: PersonSummary = {
		id: p.id,
		name: p.name,
		fields,
		offers: p.exchanges.filter((e) => e.direction === 'OFFER').map((e) => e.kind),
		seeks: p.exchanges.filter((e) => e.direction === 'SEEK').map((e) => e.kind)
	};
	if (!rights.seeDetails) return summary;
	return {
		...summary,
		email: p.email,
		phone: p.phone,
		district: p.district,
		bio: p.bio,
		roles: p.roles.map((r) => r.role),
		consent: p.consent,
		archived: p.archivedAt !== null,
		mergedIntoId: p.mergedIntoId
	};
}

/** Whether a reader may see this person at all (members see only consenting, active people). */
export function mayView(rights: DatabankRights, p: { consent: boolean; archivedAt: Date | null }): boolean {
	if (!rights.read) return false;
	return rights.seeDetails || (p.consent && p.archivedAt === null);
}

/** Search criteria a reader may use: filtering by a detail one may not see would reveal it. */
export interface AllowedCriteria {
	/** Text matches the name only, or name, email, phone and bio. */
	textColumn: 'nameKey' | 'searchText';
	byDistrict: boolean;
	byRole: boolean;
	includeArchived: boolean;
	onlyConsenting: boolean;
}

export function allowedCriteria(rights: DatabankRights): AllowedCriteria {
	const d = rights.seeDetails;
	return { textColumn: d ? 'searchText' : 'nameKey', byDistrict: d, byRole: d, includeArchived: d, onlyConsenting: !d };
}

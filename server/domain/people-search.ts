// Searching and filtering the databank. Text is matched against a normalised column
// (server/domain/persian.ts) with one LIKE, the same on SQLite and PostgreSQL; filters on
// fields, roles, offers and seeks are EXISTS lookups on indexed join tables.
import { z } from 'zod';
import type { Db, Prisma } from '../db/client';
import { ECOSYSTEM_ROLES, EXCHANGES } from '../../shared/databank';
import type { Actor } from './access';
import {
	allowedCriteria,
	databankRights,
	personRecordSelect,
	viewPerson,
	type DatabankRights,
	type PersonRecord,
	type PersonView
} from './databank-access';
import { normalizeText } from './persian';
import { parse } from './validation';

const list = <T extends z.ZodType>(item: T) =>
	z.preprocess(
		(v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
		z.array(item).max(20)
	);

export const SearchQuery = z.object({
	q: z.string().trim().max(200).default(''),
	fieldIds: list(z.string().max(40)),
	districtId: z.preprocess((v) => (v === '' ? null : v), z.string().max(40).nullable().default(null)),
	roles: list(z.enum(ECOSYSTEM_ROLES)),
	offers: list(z.enum(EXCHANGES)),
	seeks: list(z.enum(EXCHANGES)),
	archived: z.enum(['active', 'archived', 'all']).default('active'),
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	pageSize: z.coerce.number().int().min(1).max(100).default(25)
});
export type SearchQuery = Partial<z.input<typeof SearchQuery>>;

export interface SearchResult {
	items: PersonView[];
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
	rights: DatabankRights;
	/** The query as applied, after the reader's rights removed what they may not filter by. */
	query: z.output<typeof SearchQuery>;
}

// Prisma passes LIKE wildcards through unescaped, and SQLite and PostgreSQL disagree on
// the backslash; so backslashes go, and a stray _ or % in a query only broadens the match.
const likeSafe = (s: string) => s.replace(/\\/g, '');

/** The WHERE clause for a query under a reader's rights (exported for the benchmark). */
export function searchWhere(organisationId: string, rights: DatabankRights, q: z.output<typeof SearchQuery>): Prisma.PersonWhereInput {
	const allowed = allowedCriteria(rights);
	const text = normalizeText(q.q);
	const and: Prisma.PersonWhereInput[] = [
		...q.fieldIds.map((fieldId) => ({ fields: { some: { fieldId } } })),
		...q.offers.map((kind) => ({ exchanges: { some: { direction: 'OFFER' as const, kind } } })),
		...q.seeks.map((kind) => ({ exchanges: { some: { direction: 'SEEK' as const, kind } } }))
	];
	if (allowed.byRole) and.push(...q.roles.map((role) => ({ roles: { some: { role } } })));
	const archived = allowed.includeArchived ? q.archived : 'active';
	return {
		organisationId,
		...(archived === 'active' ? { archivedAt: null } : archived === 'archived' ? { archivedAt: { not: null } } : {}),
		...(allowed.onlyConsenting ? { consent: true } : {}),
		...(allowed.byDistrict && q.districtId ? { districtId: q.districtId } : {}),
		...(text ? { [allowed.textColumn]: { contains: likeSafe(text) } } : {}),
		...(and.length ? { AND: and } : {})
	};
}

/** One page of people matching the query, shaped for the reader. */
export async function searchPeople(db: Db, actor: Actor, input: SearchQuery): Promise<SearchResult> {
	const rights = await databankRights(db, actor);
	const query = parse(SearchQuery, input);
	const allowed = allowedCriteria(rights);
	const applied = {
		...query,
		roles: allowed.byRole ? query.roles : [],
		districtId: allowed.byDistrict ? query.districtId : null,
		archived: allowed.includeArchived ? query.archived : ('active' as const)
	};
	const where = searchWhere(actor.organisationId, rights, applied);
	const [total, rows] = await Promise.all([
		db.person.count({ where }),
		db.person.findMany({
			where,
			orderBy: [{ name: 'asc' }, { id: 'asc' }],
			skip: (applied.page - 1) * applied.pageSize,
			take: applied.pageSize,
			select: personRecordSelect
		})
	]);
	return {
		items: (rows as PersonRecord[]).map((r) => viewPerson(rights, r)),
		total,
		page: applied.page,
		pageSize: applied.pageSize,
		pageCount: Math.max(1, Math.ceil(total / applied.pageSize)),
		rights,
		query: applied
	};
}

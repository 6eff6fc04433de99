// Searching and filtering the databank. Text is matched against a normalised column
// (server/domain/persian.ts) with one LIKE, served by a trigram index on both databases
// (FTS5 on SQLite, pg_trgm on PostgreSQL); filters on
// fields, roles, offers and seeks are EXISTS lookups on indexed join tables.
import { z } from 'zod';
import { providerOf, type Db, type Prisma } from '../../db/client';
import { Prisma as Sql } from '../../../prisma/generated/sqlite/client';
import { ECOSYSTEM_ROLES, EXCHANGES } from '../../../shared/databank';
import type { Actor } from '../access';
import {
	allowedCriteria,
	databankRights,
	personRecordSelect,
	viewPerson,
	type DatabankRights,
	type PersonRecord,
	type PersonView
} from './access';
import { searchKey } from '../persian';
import { parse } from '../validation';

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

/** Matches counted exactly up to here; beyond, a search says "more than" and asks to narrow. */
export const MATCH_CAP = 1000;

export interface SearchResult {
	items: PersonView[];
	/** Exact when `more` is false; MATCH_CAP otherwise. */
	total: number;
	more: boolean;
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
	const text = searchKey(q.q);
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

/** Ids of up to `limit` people matching the query, in no particular order. The same
 * criteria as searchWhere, as portable SQL: Prisma adds ORDER BY id whenever it limits,
 * which would make the database walk the whole primary key instead of starting from the
 * most selective index and stopping early. */
export async function matchingIds(
	db: Db,
	organisationId: string,
	rights: DatabankRights,
	q: z.output<typeof SearchQuery>,
	limit: number
): Promise<{ id: string }[]> {
	const allowed = allowedCriteria(rights);
	const text = likeSafe(searchKey(q.q));
	const archived = allowed.includeArchived ? q.archived : 'active';
	// Enum values are checked by SearchQuery's schema; they are written as literals so
	// PostgreSQL compares them with its enum types without casts.
	const literal = (v: string) => Sql.raw(`'${v.replace(/[^A-Z_]/g, '')}'`);
	const conditions: Sql.Sql[] = [Sql.sql`p."organisationId" = ${organisationId}`];
	if (archived === 'active') conditions.push(Sql.sql`p."archivedAt" IS NULL`);
	if (archived === 'archived') conditions.push(Sql.sql`p."archivedAt" IS NOT NULL`);
	if (allowed.onlyConsenting) conditions.push(Sql.sql`p."consent" = true`);
	if (allowed.byDistrict && q.districtId) conditions.push(Sql.sql`p."districtId" = ${q.districtId}`);
	if (text) {
		const column = Sql.raw(`"${allowed.textColumn}"`);
		// SQLite: through the trigram index (a migration's PersonTextFts, keyed by
		// PersonTextKey), the same LIKE; PostgreSQL's pg_trgm index serves the plain LIKE.
		conditions.push(
			providerOf(db) === 'sqlite'
				? Sql.sql`p."id" IN (SELECT k."personId" FROM "PersonTextFts" f JOIN "PersonTextKey" k ON k."key" = f.rowid WHERE f.${column} LIKE ${`%${text}%`})`
				: Sql.sql`p.${column} LIKE ${`%${text}%`}`
		);
	}
	for (const fieldId of q.fieldIds) conditions.push(Sql.sql`p."id" IN (SELECT "personId" FROM "PersonField" WHERE "fieldId" = ${fieldId})`);
	if (allowed.byRole)
		for (const role of q.roles) conditions.push(Sql.sql`p."id" IN (SELECT "personId" FROM "PersonRole" WHERE "role" = ${literal(role)})`);
	for (const [direction, kinds] of [
		['OFFER', q.offers],
		['SEEK', q.seeks]
	] as const) {
		for (const kind of kinds) {
			conditions.push(
				Sql.sql`p."id" IN (SELECT "personId" FROM "PersonExchange" WHERE "direction" = ${literal(direction)} AND "kind" = ${literal(kind)})`
			);
		}
	}
	return db.$queryRaw<{ id: string }[]>(Sql.sql`SELECT p."id" AS id FROM "Person" p WHERE ${Sql.join(conditions, ' AND ')} LIMIT ${limit}`);
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
	// Two steps keep every query cheap at 100,000 people. First the ids of at most
	// MATCH_CAP + 1 matches, in whatever order the database finds cheapest (it drives from
	// the most selective index and stops early). When that is all of them, the page is
	// sorted from those ids alone; otherwise the match is broad, so walking the name index
	// finds a page quickly, and the total is reported as "more than MATCH_CAP".
	const ids = await matchingIds(db, actor.organisationId, rights, applied, MATCH_CAP + 1);
	const complete = ids.length <= MATCH_CAP;
	const rows = await db.person.findMany({
		where: complete ? { id: { in: ids.map((r) => r.id) } } : where,
		orderBy: [{ sortKey: 'asc' }, { id: 'asc' }],
		skip: (applied.page - 1) * applied.pageSize,
		take: applied.pageSize,
		select: personRecordSelect
	});
	const total = Math.min(ids.length, MATCH_CAP);
	return {
		items: (rows as PersonRecord[]).map((r) => viewPerson(rights, r)),
		total,
		more: !complete,
		page: applied.page,
		pageSize: applied.pageSize,
		pageCount: Math.max(1, Math.ceil(total / applied.pageSize)),
		rights,
		query: applied
	};
}

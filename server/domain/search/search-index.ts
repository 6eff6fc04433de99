// Full-text search across minutes and proposals, through the database's own index:
// FTS5 on SQLite, tsvector + GIN on PostgreSQL. Text is normalised the same way for the
// index and the query (searchKey in server/domain/persian.ts), so ي/ی, ك/ک, digit sets, and a
// space, a ZWNJ or nothing before a suffix or after a prefix match.
import type { Database } from '../../db/client';
import type { Actor } from '../access';
import { searchKey } from '../persian';
import { readableProposalIds } from '../proposals/proposal-access';
import { queryTerms, snippet, type SnippetPart } from './snippet';

export type SearchKind = 'proposal' | 'minutes';

export interface Indexable {
	kind: SearchKind;
	refId: string;
	groupId: string;
	title: string;
	body: string;
}

/** Adds or replaces one document in the index. */
export async function indexDocument(database: Database, doc: Indexable): Promise<void> {
	const normalized = searchKey(`${doc.title}\n${doc.body}`);
	const data = { groupId: doc.groupId, title: doc.title, body: doc.body, normalized };
	await database.db.$transaction(async (tx) => {
		const row = await tx.searchDocument.upsert({
			where: { kind_refId: { kind: doc.kind, refId: doc.refId } },
			create: { kind: doc.kind, refId: doc.refId, ...data },
			update: data,
			select: { id: true }
		});
		// SQLite's FTS table follows by trigger; PostgreSQL's side table is written here.
		if (database.provider === 'postgresql') {
			await tx.$executeRawUnsafe(
				`INSERT INTO "SearchDocumentTsv" ("id", "tsv") VALUES ($1, to_tsvector('simple', $2)) ON CONFLICT ("id") DO UPDATE SET "tsv" = EXCLUDED."tsv"`,
				row.id,
				normalized
			);
		}
	});
}

export interface SearchHit {
	kind: SearchKind;
	refId: string;
	groupId: string;
	title: string;
	snippet: SnippetPart[];
}

/** Groups whose minutes and proposals the actor may read. */
async function readableGroups(database: Database, actor: Actor): Promise<string[]> {
	const groups = await database.db.group.findMany({
		where: {
			organisationId: actor.organisationId,
			...(actor.isAdmin ? {} : { memberships: { some: { personId: actor.personId ?? '' } } })
		},
		select: { id: true }
	});
	return groups.map((g) => g.id);
}

interface Row {
	kind: string;
	refId: string;
	groupId: string;
	title: string;
	body: string;
}

/** Searches what the actor may see; every term must match (as a word prefix). The index
 * holds every proposal, drafts too: each proposal hit passes the proposal page's own
 * visibility rule (readableProposalIds), page after page until `limit` hits are kept. */
export async function search(database: Database, actor: Actor, query: string, limit = 30): Promise<SearchHit[]> {
	const terms = queryTerms(query);
	const groups = await readableGroups(database, actor);
	if (terms.length === 0 || groups.length === 0) return [];
	const kept: Row[] = [];
	for (let offset = 0; kept.length < limit; offset += limit) {
		const page = await matching(database, terms, groups, limit, offset);
		const proposals = await readableProposalIds(
			database.db,
			actor,
			page.filter((r) => r.kind === 'proposal').map((r) => r.refId)
		);
		kept.push(...page.filter((r) => r.kind !== 'proposal' || proposals.has(r.refId)));
		if (page.length < limit) break;
	}
	return kept.slice(0, limit).map((r) => ({
		kind: r.kind as SearchKind,
		refId: r.refId,
		groupId: r.groupId,
		title: r.title,
		snippet: snippet(r.body, terms)
	}));
}

/** One page of the index's matches in these groups, best first. */
async function matching(database: Database, terms: string[], groups: string[], limit: number, offset: number): Promise<Row[]> {
	const placeholders = (from: number) => groups.map((_, i) => `$${from + i}`).join(', ');
	let rows: Row[];
	if (database.provider === 'postgresql') {
		const tsquery = terms.map((t) => `${t}:*`).join(' & ');
		rows = await database.db.$queryRawUnsafe<Row[]>(
			`SELECT d."kind", d."refId", d."groupId", d."title", d."body"
			 FROM "SearchDocument" d JOIN "SearchDocumentTsv" t ON t."id" = d."id"
			 WHERE t."tsv" @@ to_tsquery('simple', $1) AND d."groupId" IN (${placeholders(4)})
			 ORDER BY ts_rank(t."tsv", to_tsquery('simple', $1)) DESC, d."updatedAt" DESC, d."id" LIMIT $2 OFFSET $3`,
			tsquery,
			limit,
			offset,
			...groups
		);
	} else {
		// Each term quoted (so no FTS5 operator can sneak in) and matched as a prefix.
		const match = terms.map((t) => `"${t}"*`).join(' ');
		rows = await database.db.$queryRawUnsafe<Row[]>(
			`SELECT d."kind", d."refId", d."groupId", d."title", d."body"
			 FROM "SearchDocumentFts" f JOIN "SearchDocument" d ON d."id" = f.rowid
			 WHERE "SearchDocumentFts" MATCH ? AND d."groupId" IN (${groups.map(() => '?').join(', ')})
			 ORDER BY f.rank, d."updatedAt" DESC, d."id" LIMIT ? OFFSET ?`,
			match,
			...groups,
			limit,
			offset
		);
	}
	return rows;
}

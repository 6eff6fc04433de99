// Keeps proposals in the search index: a once-per-cluster job (server/http/jobs.ts) that
// indexes every proposal changed since it was last indexed. Proposals change through many
// paths (forms, the meeting room, reviews); one sweep here is simpler and cannot be
// forgotten by a new path. Minutes are indexed when they are archived. refreshSearchKeys
// rebuilds every stored key once when the search key itself changes.
import type { Database } from '../../db/client';
import { indexDocument } from './search-index';
import { personSearchText, searchKey, SEARCH_KEY_VERSION } from '../persian';

/** Indexes new and changed proposals; returns how many were (re)indexed. */
export async function reindexProposals(database: Database, batch = 500): Promise<number> {
	const { db } = database;
	const [proposals, indexed] = await Promise.all([
		db.proposal.findMany({ select: { id: true, updatedAt: true } }),
		db.searchDocument.findMany({ where: { kind: 'proposal' }, select: { refId: true, updatedAt: true } })
	]);
	const seen = new Map(indexed.map((d) => [d.refId, d.updatedAt.getTime()]));
	const stale = proposals.filter((p) => (seen.get(p.id) ?? -1) < p.updatedAt.getTime()).slice(0, batch);
	for (const { id } of stale) {
		const p = await db.proposal.findUnique({ where: { id }, select: { id: true, groupId: true, title: true, problem: true, idea: true } });
		if (p)
			await indexDocument(database, { kind: 'proposal', refId: p.id, groupId: p.groupId, title: p.title, body: `${p.problem}\n${p.idea}` });
	}
	return stale.length;
}

const KEY_VERSION_SETTING = 'searchKeyVersion';

/** Rebuilds every stored search key (people's name key and search column, the full-text
 * index) once after searchKey changed (SEARCH_KEY_VERSION), from the text each row keeps;
 * a no-op afterwards (and for a database seeded this start, `fresh`). Returns how many
 * rows were rewritten. */
export async function refreshSearchKeys(database: Database, options: { fresh?: boolean; batch?: number } = {}): Promise<number> {
	const { db } = database;
	const batch = options.batch ?? 500;
	const stored = await db.setting.findUnique({ where: { key: KEY_VERSION_SETTING } });
	if (stored?.value === SEARCH_KEY_VERSION) return 0;
	let done = 0;
	// A database seeded just now was keyed by this code: only the version is written.
	for (let after = ''; !options.fresh;) {
		const people = await db.person.findMany({
			where: { id: { gt: after } },
			orderBy: { id: 'asc' },
			select: { id: true, name: true, email: true, phone: true, bio: true },
			take: batch
		});
		if (!people.length) break;
		await db.$transaction(
			people.map((p) => db.person.update({ where: { id: p.id }, data: { nameKey: searchKey(p.name), searchText: personSearchText(p) } }))
		);
		done += people.length;
		after = people[people.length - 1].id;
	}
	for (let after = 0; !options.fresh;) {
		const docs = await db.searchDocument.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: batch });
		if (!docs.length) break;
		for (const d of docs)
			await indexDocument(database, {
				kind: d.kind as 'proposal' | 'minutes',
				refId: d.refId,
				groupId: d.groupId,
				title: d.title,
				body: d.body
			});
		done += docs.length;
		after = docs[docs.length - 1].id;
	}
	await db.setting.upsert({
		where: { key: KEY_VERSION_SETTING },
		create: { key: KEY_VERSION_SETTING, value: SEARCH_KEY_VERSION },
		update: { value: SEARCH_KEY_VERSION }
	});
	return done;
}

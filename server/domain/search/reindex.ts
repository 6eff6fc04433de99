// Keeps proposals in the search index: a once-per-cluster job (server/http/jobs.ts) that
// indexes every proposal changed since it was last indexed. Proposals change through many
// paths (forms, the meeting room, reviews); one sweep here is simpler and cannot be
// forgotten by a new path. Minutes are indexed when they are archived.
import type { Database } from '../../db/client';
import { indexDocument } from './search-index';

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

// Which sign-in sessions are still valid: the rule that open sockets are re-checked against.
import type { Db } from '../db/client';

/** Ids per query, well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/** Of the given session ids, those whose session still exists and has not expired. A
 * session is ended by signing out, by expiry, or by deleting its row (revoked). */
export async function liveSessions(db: Db, ids: Iterable<string>, now = new Date()): Promise<Set<string>> {
	const all = [...new Set(ids)];
	const live = new Set<string>();
	for (let i = 0; i < all.length; i += CHUNK) {
		const rows = await db.session.findMany({
			where: { id: { in: all.slice(i, i + CHUNK) }, expiresAt: { gt: now } },
			select: { id: true }
		});
		for (const row of rows) live.add(row.id);
	}
	return live;
}

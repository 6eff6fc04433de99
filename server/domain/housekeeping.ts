// Periodic clean-up, run once per cluster (server/cluster/lease.ts).
import type { Db } from '../db/client';

/** Removes expired sessions and sign-in counters whose lock and window are over. */
export async function sweepExpired(db: Db, now = new Date()): Promise<{ sessions: number; throttles: number }> {
	const sessions = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
	const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
	const throttles = await db.signInThrottle.deleteMany({
		where: { windowStart: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }
	});
	return { sessions: sessions.count, throttles: throttles.count };
}

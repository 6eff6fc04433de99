// Failed sign-ins are limited per account (strictly) and per address (loosely: a whole
// office may share one address). Counts live in the database so every node agrees.
import type { Db } from '../db/client';

export interface ThrottleRule {
	/** Failures allowed inside one window before the key is locked. */
	failures: number;
	windowMs: number;
	lockMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { failures: 100, windowMs: 15 * 60_000, lockMs: 5 * 60_000 };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export type Reservation = { ok: true } | { ok: false; waitMs: number };

const unlocked = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });

/** Reserves one attempt for `key` before the password is checked, so attempts racing in
 * parallel (on any node: the row is the shared truth) cannot all be verified. Each step is
 * one conditional statement; a reservation succeeds only while the window holds fewer than
 * `rule.failures` attempts and no lock is running. A success gives it back (refund) or
 * clears the key; a failure keeps it and may lock the key. */
export async function reserveAttempt(db: Db, key: string, rule: ThrottleRule, now = new Date()): Promise<Reservation> {
	const windowFloor = new Date(now.getTime() - rule.windowMs);
	for (let round = 0; round < 5; round++) {
		// Inside the current window and under the limit: take one more.
		const more = await db.signInThrottle.updateMany({
			where: { key, windowStart: { gt: windowFloor }, failures: { lt: rule.failures }, ...unlocked(now) },
			data: { failures: { increment: 1 } }
		});
		if (more.count === 1) return { ok: true };
		// The window is over and no lock runs: start a new one with this attempt.
		const fresh = await db.signInThrottle.updateMany({
			where: { key, windowStart: { lte: windowFloor }, ...unlocked(now) },
			data: { failures: 1, windowStart: now, lockedUntil: null }
		});
		if (fresh.count === 1) return { ok: true };
		const row = await db.signInThrottle.findUnique({ where: { key } });
		if (!row) {
			try {
				await db.signInThrottle.create({ data: { key, failures: 1, windowStart: now } });
				return { ok: true };
			} catch {
				continue; // another request created it first: take a place in its window
			}
		}
		const waitMs = Math.max(
			(row.lockedUntil?.getTime() ?? 0) - now.getTime(),
			row.failures >= rule.failures ? row.windowStart.getTime() + rule.windowMs - now.getTime() : 0
		);
		if (waitMs > 0) return { ok: false, waitMs };
		// The row changed between the statements (a window just ended): try again.
	}
	return { ok: false, waitMs: 1000 };
}

/** A reserved attempt that failed: it stays counted, and reaching the limit locks the key. */
export async function recordFailure(db: Db, key: string, rule: ThrottleRule, now = new Date()): Promise<void> {
	await db.signInThrottle.updateMany({
		where: { key, failures: { gte: rule.failures }, ...unlocked(now) },
		data: { lockedUntil: new Date(now.getTime() + rule.lockMs) }
	});
}

/** A reserved attempt that did not count against the key (it succeeded, or never ran). */
export async function refundAttempt(db: Db, key: string): Promise<void> {
	await db.signInThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.signInThrottle.deleteMany({ where: { key } });
}

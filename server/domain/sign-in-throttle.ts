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

/** The pure rule: the state after one more failure at `now`. */
export function afterFailure(
	state: { failures: number; windowStart: Date; lockedUntil: Date | null } | null,
	rule: ThrottleRule,
	now: Date
): { failures: number; windowStart: Date; lockedUntil: Date | null } {
	const fresh = !state || now.getTime() - state.windowStart.getTime() > rule.windowMs;
	const failures = fresh ? 1 : state.failures + 1;
	const windowStart = fresh ? now : state.windowStart;
	const lockedUntil = failures >= rule.failures ? new Date(now.getTime() + rule.lockMs) : null;
	return { failures, windowStart, lockedUntil };
}

/** Milliseconds until the key may try again, or 0 when it may try now. */
export async function lockedFor(db: Db, key: string, now = new Date()): Promise<number> {
	const row = await db.signInThrottle.findUnique({ where: { key } });
	const until = row?.lockedUntil?.getTime() ?? 0;
	return Math.max(0, until - now.getTime());
}

export async function recordFailure(db: Db, key: string, rule: ThrottleRule, now = new Date()): Promise<void> {
	const row = await db.signInThrottle.findUnique({ where: { key } });
	const next = afterFailure(row, rule, now);
	await db.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.signInThrottle.deleteMany({ where: { key } });
}

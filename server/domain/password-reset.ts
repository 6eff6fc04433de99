// "Forgot password": a mail with a link that works once, for an hour, to choose a new password.
// better-auth keeps the token (a Verification row it consumes when used) and sets the password;
// Rahkar throttles the requests and sends the mail through the outbox. The answer to a request
// is the same whether the address has an account or not.
import { z } from 'zod';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { DomainError } from './errors';
import { reserveAttempt, type ThrottleRule } from './sign-in-throttle';

export { RESET_MINUTES } from './mail/reset-mail';

/** Per address asked for (any address, so a limit says nothing about whether it exists)… */
const RESET_ACCOUNT_RULE: ThrottleRule = { failures: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
/** …and per client address, loosely (an office shares one). */
const RESET_ADDRESS_RULE: ThrottleRule = { failures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const ResetRequestInput = z.object({ email: z.string().trim().toLowerCase().email().max(254) });
export const NewPasswordInput = z.object({
	token: z.string().min(1).max(200),
	password: z.string().min(8).max(128)
});

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Asks for a reset link to be mailed to `email` if it has an account. */
export async function requestPasswordReset(
	deps: { db: Db; auth: Auth },
	input: z.infer<typeof ResetRequestInput>,
	request: { address: string }
): Promise<ResetRequestResult> {
	const byAccount = await reserveAttempt(deps.db, `reset:${input.email}`, RESET_ACCOUNT_RULE);
	if (!byAccount.ok) return { ok: false, retryAfterSeconds: Math.ceil(byAccount.waitMs / 1000) };
	const byAddress = await reserveAttempt(deps.db, `reset-address:${request.address}`, RESET_ADDRESS_RULE);
	if (!byAddress.ok) return { ok: false, retryAfterSeconds: Math.ceil(byAddress.waitMs / 1000) };
	// better-auth answers the same for an unknown address (and does the same work, for timing).
	await deps.auth.api.requestPasswordReset({ body: { email: input.email } });
	return { ok: true };
}

/** Whether a reset link can still be used (the page shows the form or says it ran out). */
export async function resetLinkUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
	const row = await db.verification.findFirst({
		where: { identifier: `reset-password:${token}`, expiresAt: { gt: now } },
		select: { id: true }
	});
	return row !== null;
}

/** Sets the new password with a reset link's token; the token is used up, every session ends. */
export async function resetPassword(auth: Auth, input: z.infer<typeof NewPasswordInput>): Promise<void> {
	try {
		await auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } });
	} catch (error) {
		const status = (error as { statusCode?: number }).statusCode;
		if (status === 400) throw new DomainError('INVALID', 'the link is used or expired', { token: 'expired' });
		throw error;
	}
}

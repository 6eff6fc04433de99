// Signing in and out. The answer never reveals whether an email exists: an unknown
// email, a wrong password and a locked account all look the same to the caller,
// except that a lock says when to try again.
import { z } from 'zod';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { DomainError } from './errors';
import {
	ACCOUNT_RULE,
	ADDRESS_RULE,
	accountKey,
	addressKey,
	clearFailures,
	recordFailure,
	refundAttempt,
	reserveAttempt
} from './sign-in-throttle';

export const SignInInput = z.object({
	email: z.string().trim().toLowerCase().email().max(254),
	password: z.string().min(1).max(256)
});
export type SignInInput = z.infer<typeof SignInInput>;

export type SignInResult =
	| { ok: true; setCookies: string[]; locale: string | null }
	| { ok: false; reason: 'INVALID_CREDENTIALS' }
	| { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

/** Reserves the attempt (per account and per address) before the password is verified,
 * so parallel tries cannot outrun the limit, then verifies it and returns the session
 * cookies to set. */
export async function signIn(
	deps: { db: Db; auth: Auth },
	input: SignInInput,
	request: { address: string; headers: Headers }
): Promise<SignInResult> {
	const account = accountKey(input.email);
	const address = addressKey(request.address);
	const byAccount = await reserveAttempt(deps.db, account, ACCOUNT_RULE);
	if (!byAccount.ok) return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: Math.ceil(byAccount.waitMs / 1000) };
	const byAddress = await reserveAttempt(deps.db, address, ADDRESS_RULE);
	if (!byAddress.ok) {
		await refundAttempt(deps.db, account);
		return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: Math.ceil(byAddress.waitMs / 1000) };
	}

	let response: Response;
	try {
		response = await deps.auth.api.signInEmail({
			body: { email: input.email, password: input.password, rememberMe: true },
			headers: request.headers,
			asResponse: true
		});
	} catch (error) {
		await Promise.all([refundAttempt(deps.db, account), refundAttempt(deps.db, address)]);
		throw error;
	}
	if (response.ok) {
		// A success clears the account and does not count against a shared address.
		await Promise.all([clearFailures(deps.db, account), refundAttempt(deps.db, address)]);
		const user = await deps.db.user.findUnique({ where: { email: input.email }, select: { locale: true } });
		return { ok: true, setCookies: response.headers.getSetCookie(), locale: user?.locale ?? null };
	}
	if (response.status >= 500) {
		await Promise.all([refundAttempt(deps.db, account), refundAttempt(deps.db, address)]);
		throw new DomainError('UNAVAILABLE', `sign-in failed with ${response.status}`);
	}
	await recordFailure(deps.db, account, ACCOUNT_RULE);
	await recordFailure(deps.db, address, ADDRESS_RULE);
	return { ok: false, reason: 'INVALID_CREDENTIALS' };
}

/** Ends the session named by the request's cookie; returns the cookies that clear it. */
export async function signOut(auth: Auth, headers: Headers): Promise<string[]> {
	const response = await auth.api.signOut({ headers, asResponse: true });
	return response.headers.getSetCookie();
}

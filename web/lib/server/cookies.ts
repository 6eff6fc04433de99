import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';

/** Copies Set-Cookie lines from a server-side auth call onto SvelteKit's response. */
export function applySetCookies(cookies: Cookies, setCookies: string[]): void {
	for (const line of setCookies) {
		for (const [name, attributes] of parseSetCookieHeader(line)) {
			// SvelteKit encodes values by default; the session token is already URL-safe.
			cookies.set(name, attributes.value, { ...toCookieOptions(attributes), path: attributes.path ?? '/', encode: (v) => v });
		}
	}
}

/** Only same-site paths are followed after sign-in, never another origin: "//host" and
 * "/\\host" (which browsers read as "//host") are refused. */
export const safeNext = (next: string | null): string => (next && /^\/(?![/\\])/.test(next) ? next : '/dashboard');

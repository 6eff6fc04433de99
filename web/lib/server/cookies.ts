import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';

/** Copies Set-Cookie lines from a server-side auth call onto SvelteKit's response. */
export function applySetCookies(cookies: Cookies, setCookies: string[]): void {
	for (const line of setCookies) {
		for (const [name, attributes] of parseSetCookieHeader(line)) {
			// SvelteKit encodes values by default; the session token is already URL-safe.
			cookies.set(name, attributes.value, { ...toCookieOptions(attributes), path: attributes.path ?? '/', encode: (v) => v });
		}
	}
}

/** Remembers the chosen language. Secure only over https: a browser drops a Secure cookie
 * sent over plain http (SvelteKit's default marks it Secure everywhere but localhost). */
export function setLocaleCookie(cookies: Cookies, url: URL, locale: string): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:' });
}

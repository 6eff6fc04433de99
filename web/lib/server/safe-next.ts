// The one rule for following a `next` parameter after a form or a sign-in.

const PLACEHOLDER = 'http://placeholder.invalid';
const HOME = '/dashboard';
// Backslashes (read as "/" by browsers), control characters (TAB, CR and LF are dropped by
// browsers, so "/<TAB>/host" becomes "//host") and spaces never belong in a path we follow.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\\u0000-\u0020\u007f-\u009f]/;

/** Where to go after a form: only a clean path on this origin comes out, percent-encoded
 * (so a non-Latin-1 character cannot break the Location header); anything else, of any
 * shape, is the dashboard. */
export function safeNext(next: string | null | undefined): string {
	if (typeof next !== 'string' || next.length > 2048 || !next.startsWith('/') || FORBIDDEN.test(next)) return HOME;
	let url: URL;
	try {
		url = new URL(next, PLACEHOLDER);
	} catch {
		return HOME;
	}
	const path = url.pathname + url.search + url.hash;
	// "/..//host" resolves to the path "//host", which a browser would read as another origin.
	if (url.origin !== PLACEHOLDER || !path.startsWith('/') || path.startsWith('//')) return HOME;
	return path;
}

// Security headers on every response of the node: pages, form actions, endpoints, client
// files, /healthz and the plain pages outside SvelteKit (503, "not built"). Set here, first
// in the express app, rather than in a SvelteKit hook, because a hook never sees the client
// files or /healthz. SvelteKit's own Content-Security-Policy (svelte.config.js, kit.csp, with
// a nonce per page) replaces the fallback policy below on every page it renders.
import type { RequestHandler } from 'express';

/** For responses SvelteKit does not render: nothing may run, load or frame them (inline styles
 * only, which the 503 page uses). */
export const FALLBACK_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function securityHeaders(options: { origin?: string }): RequestHandler {
	const httpsOrigin = options.origin?.startsWith('https:') ?? false;
	return (req, res, next) => {
		res.setHeader('content-security-policy', FALLBACK_CSP);
		// Clickjacking of the meeting room and vote buttons; frame-ancestors says the same to newer browsers.
		res.setHeader('x-frame-options', 'DENY');
		res.setHeader('x-content-type-options', 'nosniff');
		// No Referer leaves the app: a page address may carry a secret (the calendar feed's ?token=).
		res.setHeader('referrer-policy', 'same-origin');
		// Only where the browser reached us over https: on plain http it would be ignored, or pin a
		// development host to https.
		if (httpsOrigin || ('encrypted' in req.socket && req.socket.encrypted))
			res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
		next();
	};
}

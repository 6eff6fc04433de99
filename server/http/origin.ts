// Which origins may open the sockets (/collab and Socket.IO). Forms are covered by
// SvelteKit's origin check; a WebSocket handshake is not subject to CORS, so without this a
// page on any other origin could open the sockets with the visitor's cookie.
//
// A handshake with NO Origin header is allowed: browsers always send Origin on WebSocket
// handshakes (and Socket.IO's polling requests are cross-origin fetches, which carry it
// too), so a missing Origin means a client that is not a browser. Abusing the cookie the
// way CSRF does needs the victim's browser, which always says where the page came from; a
// non-browser client can only send a cookie it already holds, which the session check
// covers like any other request.
import type { IncomingHttpHeaders } from 'node:http';

/** Whether a socket handshake comes from the app's own origin: `configured` (ORIGIN) when
 * set, otherwise the request's own Host over http or https. */
export function allowedOrigin(request: { headers: IncomingHttpHeaders }, configured?: string): boolean {
	const origin = request.headers.origin;
	if (origin === undefined) return true; // not a browser: see above
	const actual = origin.toLowerCase();
	if (configured) return actual === new URL(configured).origin;
	const host = request.headers.host?.toLowerCase();
	return !!host && (actual === `http://${host}` || actual === `https://${host}`);
}

// Real clients for integration tests: sign in over HTTP, then socket.io-client and the
// stock y-websocket provider carrying the session cookie.
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';

/** Signs in through the /login form action; returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	const session = cookies.find((c) => c.includes('session_token='));
	if (res.status !== 303 || !session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
	return session;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Socket.IO client; resolves once connected, rejects with the server's refusal. */
export function connectSocket(baseUrl: string, cookie?: string): Promise<TestSocket> {
	const socket: TestSocket = io(baseUrl, {
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : {},
		reconnection: false,
		forceNew: true
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (error) => {
			socket.close();
			reject(error);
		});
	});
}

/** The `ws` WebSocket with a Cookie header, in the shape y-websocket expects. */
export function cookieWebSocket(cookie?: string): typeof WebSocket {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: cookie ? { cookie } : {} });
		}
	} as typeof WebSocket;
}

export interface YClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	destroy(): void;
}

/** The stock y-websocket provider on /collab/<name>, in Node. */
export function yjsClient(baseUrl: string, name: string, cookie?: string, params: Record<string, string> = {}): YClient {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/collab', name, doc, {
		WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params
	});
	return {
		doc,
		provider,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** Waits for the provider's first sync with the server. */
export const synced = (c: { provider: WebsocketProvider }, ms = 5000) => eventually(() => c.provider.synced, ms, 'sync');

/** Resolves with the close event of a provider that the server refused. */
export function closed(c: YClient, ms = 5000): Promise<{ code: number; reason: string }> {
	return new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error('provider was not closed')), ms);
		c.provider.on('connection-close', (event) => {
			clearTimeout(t);
			resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
		});
	});
}

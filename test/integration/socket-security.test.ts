// The sockets answer only the app's own origin, and a session that ends takes its open
// sockets with it: signing out (at once), a revoked or expired session (within the
// re-validation period, 1 s here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { closed, connectSocket, eventually, signIn, synced, yjsClient, type TestSocket, type YClient } from '../support/clients';
import { demoGroups, openTestDb } from '../support/db';
import { CloseCode } from '../../shared/collab';
import type { Database } from '../../server/db/client';

let server: TestServer;
let database: Database;
let groupId: string;
let doc: string;
const sockets: TestSocket[] = [];
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer({ env: { RAHKAR_SESSION_CHECK_SECONDS: '1' } });
	database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	doc = `group.${groupId}.notes`;
});

afterAll(async () => {
	for (const s of sockets) s.close();
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

const cookieOf = (who: string) => signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);

/** Opens /collab/<doc> with the given headers: 'open', or the HTTP status it was refused with. */
function upgrade(headers: Record<string, string>): Promise<'open' | number> {
	const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${doc}`, { headers });
	return new Promise((resolve) => {
		ws.once('open', () => {
			ws.close();
			resolve('open');
		});
		ws.once('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.once('error', () => resolve(0));
	});
}

/** A Socket.IO handshake with the given headers: 'connected', or the refusal's message. */
function handshake(headers: Record<string, string>, transport: 'websocket' | 'polling'): Promise<string> {
	const socket = io(server.url, { transports: [transport], extraHeaders: headers, reconnection: false, forceNew: true });
	return new Promise((resolve) => {
		socket.once('connect', () => {
			socket.close();
			resolve('connected');
		});
		socket.once('connect_error', (error) => {
			socket.close();
			resolve(error.message);
		});
	});
}

describe('origin of socket handshakes', () => {
	it('refuses a cross-origin /collab upgrade with 403, and accepts same-origin and Origin-less ones', async () => {
		const cookie = await cookieOf('member');
		expect(await upgrade({ cookie, origin: 'http://evil.example' })).toBe(403);
		// Another port of the same host is another origin.
		expect(await upgrade({ cookie, origin: server.url.replace(/:\d+$/, ':1') })).toBe(403);
		expect(await upgrade({ cookie, origin: server.url })).toBe('open');
		expect(await upgrade({ cookie })).toBe('open');
	});

	it('refuses a cross-origin Socket.IO handshake, over WebSocket and polling, and accepts same-origin and Origin-less ones', async () => {
		const cookie = await cookieOf('member');
		for (const transport of ['websocket', 'polling'] as const) {
			expect(await handshake({ cookie, origin: 'http://evil.example' }, transport)).not.toBe('connected');
			expect(await handshake({ cookie, origin: server.url }, transport)).toBe('connected');
			expect(await handshake({ cookie }, transport)).toBe('connected');
		}
	});
});

/** A user's open Socket.IO socket (joined to the group) and Yjs provider. */
async function openSockets(cookie: string) {
	const socket = await connectSocket(server.url, cookie);
	sockets.push(socket);
	expect(await socket.emitWithAck('group:join', { groupId })).toMatchObject({ ok: true });
	const disconnected = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
	const y = yjsClient(server.url, doc, cookie);
	clients.push(y);
	await synced(y);
	return { socket, disconnected, y, yClosed: closed(y, 20_000) };
}

describe('a session that ends closes its sockets', () => {
	it("closes the signed-out user's Socket.IO and Yjs sockets at once, and not another user's", async () => {
		const memberCookie = await cookieOf('member');
		const moderatorCookie = await cookieOf('moderator');
		const member = await openSockets(memberCookie);
		const moderator = await openSockets(moderatorCookie);
		moderator.yClosed.catch(() => {}); // must not happen; checked below

		const res = await fetch(`${server.url}/logout`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: memberCookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: ''
		});
		expect(res.status).toBe(303);
		const started = Date.now();
		expect(await member.disconnected).toBe('io server disconnect');
		expect((await member.yClosed).code).toBe(CloseCode.unauthenticated);
		expect(Date.now() - started).toBeLessThan(900); // at once, not at the next re-validation

		await new Promise((r) => setTimeout(r, 1500)); // past a re-validation too
		expect(moderator.socket.connected).toBe(true);
		expect(await moderator.socket.emitWithAck('group:join', { groupId })).toMatchObject({ ok: true });
		expect(moderator.y.provider.wsconnected).toBe(true);
		expect(member.y.provider.wsconnected).toBe(false); // it does not come back
	});

	it('closes the sockets of a session deleted in the database within the re-validation period', async () => {
		const cookie = await cookieOf('executor');
		const other = await openSockets(await cookieOf('member'));
		const executor = await openSockets(cookie);
		const user = await database.db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } });
		await database.db.session.deleteMany({ where: { userId: user.id } });
		const started = Date.now();
		expect(await executor.disconnected).toBe('io server disconnect');
		expect((await executor.yClosed).code).toBe(CloseCode.unauthenticated);
		expect(Date.now() - started).toBeLessThan(3000);
		expect(other.socket.connected).toBe(true);
		expect(other.y.provider.wsconnected).toBe(true);
	});

	it('closes the sockets of a session that expired', async () => {
		const cookie = await cookieOf('observer');
		const observer = await openSockets(cookie);
		const user = await database.db.user.findUniqueOrThrow({ where: { email: 'observer@rahkar.example' } });
		await database.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
		expect(await observer.disconnected).toBe('io server disconnect');
		expect((await observer.yClosed).code).toBe(CloseCode.unauthenticated);
		await eventually(() => !observer.y.provider.wsconnected, 1000, 'provider stays closed');
	});
});

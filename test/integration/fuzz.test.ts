// Property-based abuse: thousands of random, truncated and oversized y-websocket and
// Socket.IO messages from signed-in and anonymous clients. The server must not crash,
// no document may be corrupted, and honest clients must keep working. Kept short here;
// `npm run bench -- fuzz` runs the same for longer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { io } from 'socket.io-client';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { cookieWebSocket, eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../support/db';
import type { Database } from '../../server/db/client';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
let server: TestServer;
let database: Database;
let doc: string;
let groupId: string;
const cookies: Record<string, string | undefined> = { anonymous: undefined };
const honest: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	doc = `group.${groupId}.fuzz`;
	for (const who of ['member', 'observer', 'moderator']) cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
});
afterAll(async () => {
	for (const c of honest) c.destroy();
	await database?.close();
	await server?.dispose();
});

/** A valid sync-update message, for truncation. */
function validUpdateMessage(text: string): Uint8Array {
	const d = new Y.Doc();
	d.getText('t').insert(0, text);
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0);
	encoding.writeVarUint(e, 2);
	encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(d));
	return encoding.toUint8Array(e);
}

const hostileMessage = fc.oneof(
	fc.uint8Array({ minLength: 0, maxLength: 64 }),
	fc.tuple(fc.integer({ min: 0, max: 3 }), fc.uint8Array({ maxLength: 48 })).map(([type, rest]) => Uint8Array.from([type, ...rest])),
	fc.tuple(fc.string({ maxLength: 20 }), fc.nat()).map(([text, cut]) => {
		const m = validUpdateMessage(text || 'x');
		return m.subarray(0, cut % m.length);
	}),
	fc.constant(new Uint8Array(1024 * 1024 + 10))
);

async function sendRaw(cookie: string | undefined, messages: Uint8Array[]): Promise<void> {
	const Ws = cookieWebSocket(cookie);
	const ws = new Ws(`${server.url.replace('http', 'ws')}/collab/${doc}`);
	await new Promise<void>((resolve) => {
		ws.once('open', () => {
			for (const m of messages) if (ws.readyState === ws.OPEN) ws.send(m);
			setTimeout(() => ws.terminate(), 20);
		});
		ws.once('close', () => resolve());
		ws.once('error', () => resolve());
	});
}

async function emitRaw(cookie: string | undefined, events: [string, unknown][]): Promise<void> {
	const socket = io(server.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
	await new Promise<void>((resolve) => {
		socket.once('connect', () => {
			for (const [name, payload] of events) socket.emit(name, payload, () => {});
			setTimeout(resolve, 20);
		});
		socket.once('connect_error', () => resolve());
	});
	socket.close();
}

describe('fuzzing the realtime endpoints', () => {
	it(
		'survives hostile traffic while honest clients keep converging and storing',
		async () => {
			const [a, b] = [yjsClient(server.url, doc, cookies.member), yjsClient(server.url, doc, cookies.moderator)];
			honest.push(a, b);
			await Promise.all([synced(a), synced(b)]);
			let sent = 0;
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom('anonymous', 'observer', 'member'),
					fc.array(hostileMessage, { minLength: 1, maxLength: 8 }),
					fc.array(
						fc.tuple(fc.constantFrom('group:join', 'meeting:join', 'meeting:raiseHand', 'nonsense', 'meeting:timer'), fc.anything()),
						{
							maxLength: 5
						}
					),
					async (who, messages, events) => {
						sent += messages.length + events.length;
						await Promise.all([sendRaw(cookies[who], messages), emitRaw(cookies[who], events)]);
						a.doc.getText('honest').insert(0, 'a');
					}
				),
				{ numRuns: RUNS }
			);
			expect(sent).toBeGreaterThan(RUNS);
			// The server is alive and still serving.
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			b.doc.getText('honest').insert(0, 'b');
			await eventually(() => a.doc.getText('honest').toString() === b.doc.getText('honest').toString(), 10_000, 'honest convergence');
			expect(a.doc.getText('honest').length).toBe(RUNS + 1);
			// What the database holds loads cleanly and equals what the honest clients see.
			const late = yjsClient(server.url, doc, cookies.member);
			honest.push(late);
			await synced(late);
			await eventually(() => late.doc.getText('honest').toString() === a.doc.getText('honest').toString(), 10_000, 'late joiner matches');
			await eventually(
				async () => (await storedDoc(database, doc)).getText('honest').toString() === a.doc.getText('honest').toString(),
				10_000,
				'database matches'
			);
		},
		Math.max(120_000, RUNS * 200)
	);
});

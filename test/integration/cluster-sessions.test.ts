// Two nodes on one PostgreSQL database and one Redis: signing out on one node closes the
// session's sockets on the other at once (the periodic re-check is a minute away), and a
// connection on one node cannot set the presence of a client connected to the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { startRedis, type TestRedis } from '../support/redis';
import { closed, connectSocket, eventually, signIn, synced, yjsClient, type TestSocket, type YClient } from '../support/clients';
import { demoGroups, openTestDb } from '../support/db';
import { publishPresence } from '../support/presence';
import { CloseCode, MessageType } from '../../shared/collab';
import { agendaDocumentName } from '../../shared/documents';
import type { Database } from '../../server/db/client';

let redis: TestRedis;
let nodeA: TestServer;
let nodeB: TestServer;
let database: Database;
let groupId: string;
const sockets: TestSocket[] = [];
const clients: YClient[] = [];

beforeAll(async () => {
	redis = await startRedis();
	nodeA = await startServer({ postgres: true, env: { REDIS_URL: redis.url } });
	nodeB = await startServer({ databaseUrl: nodeA.databaseUrl, env: { REDIS_URL: redis.url } });
	database = await openTestDb(nodeA);
	groupId = (await demoGroups(database))[0].id;
}, 240_000);

afterAll(async () => {
	for (const s of sockets) s.close();
	for (const c of clients) c.destroy();
	await database?.close();
	await nodeB?.dispose();
	await nodeA?.dispose();
	await redis?.stop();
});

const yClient = (node: TestServer, name: string, cookie: string) => {
	const c = yjsClient(node.url, name, cookie);
	clients.push(c);
	return c;
};

describe('sessions and presence across nodes', () => {
	it("signing out on node A closes the session's sockets on node B at once, and not another user's", async () => {
		const memberCookie = await signIn(nodeA.url, 'member@rahkar.example', DEMO_PASSWORD);
		const moderatorCookie = await signIn(nodeA.url, 'moderator@rahkar.example', DEMO_PASSWORD);
		const doc = `group.${groupId}.notes`;
		const socket = await connectSocket(nodeB.url, memberCookie);
		sockets.push(socket);
		expect(await socket.emitWithAck('group:join', { groupId })).toMatchObject({ ok: true });
		const disconnected = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
		const member = yClient(nodeB, doc, memberCookie);
		const other = yClient(nodeB, doc, moderatorCookie);
		await Promise.all([synced(member), synced(other)]);
		const memberClosed = closed(member, 10_000);

		const res = await fetch(`${nodeA.url}/logout`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: memberCookie, origin: nodeA.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: ''
		});
		expect(res.status).toBe(303);
		const started = Date.now();
		expect(await disconnected).toBe('io server disconnect');
		expect((await memberClosed).code).toBe(CloseCode.unauthenticated);
		expect(Date.now() - started).toBeLessThan(2000); // the re-check runs once a minute
		expect(other.provider.wsconnected).toBe(true);
	});

	it('drops an entry for a client connected to the other node: its presence stays as it is', async () => {
		const name = agendaDocumentName((await database.db.meeting.create({ data: { groupId, startsAt: new Date(), status: 'LIVE' } })).id);
		const cookie = await signIn(nodeA.url, 'executor@rahkar.example', DEMO_PASSWORD);
		const observerCookie = await signIn(nodeA.url, 'observer@rahkar.example', DEMO_PASSWORD);
		const victim = yClient(nodeB, name, cookie);
		const forger = yClient(nodeA, name, observerCookie);
		const watcher = yClient(nodeA, name, cookie);
		for (const [i, c] of [victim, forger, watcher].entries()) publishPresence(c, i);
		await Promise.all([victim, forger, watcher].map((c) => synced(c)));
		const seen = (c: YClient) => c.provider.awareness.getStates().get(victim.doc.clientID);
		await eventually(() => seen(watcher) !== undefined && seen(forger) !== undefined, 5000, 'victim seen on node A');
		const original = JSON.stringify(victim.provider.awareness.getLocalState());

		const update = encoding.createEncoder();
		encoding.writeVarUint(update, 1);
		encoding.writeVarUint(update, victim.doc.clientID);
		encoding.writeVarUint(update, victim.provider.awareness.meta.get(victim.doc.clientID)!.clock + 10);
		encoding.writeVarString(update, JSON.stringify({ user: { name: 'Forged', color: '#000000' } }));
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, MessageType.awareness);
		encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
		forger.provider.ws!.send(encoding.toUint8Array(message));
		forger.provider.awareness.setLocalStateField('marker', 'after');
		await eventually(() => victim.provider.awareness.getStates().get(forger.doc.clientID)?.marker === 'after', 5000, 'marker on node B');
		await new Promise((r) => setTimeout(r, 300));
		expect(JSON.stringify(seen(watcher))).toBe(original);
		expect(JSON.stringify(victim.provider.awareness.getLocalState())).toBe(original);
	});
});

// The y-websocket endpoint with the stock provider: sync, durability, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { closed, cookieWebSocket, eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { createStranger, demoGroups, openTestDb, storedDoc as storedDocIn } from '../support/db';
import type { Database } from '../../server/db/client';
import { CloseCode } from '../../shared/collab';

let server: TestServer;
let database: Database;
let doc: string;
const cookies: Record<string, string> = {};
const clients: YClient[] = [];
const client = (name: string, who?: string, params?: Record<string, string>) => {
	const c = yjsClient(server.url, name, who ? cookies[who] : undefined, params);
	clients.push(c);
	return c;
};

const storedDoc = (name: string) => storedDocIn(database, name);

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	const [group] = await demoGroups(database);
	doc = `group.${group.id}.notes`;
	const stranger = await createStranger(database);
	for (const who of ['moderator', 'member', 'observer']) cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

describe('y-websocket endpoint', () => {
	it('lets two members co-edit one document, converging and stored in the database', async () => {
		const a = client(doc, 'moderator');
		const b = client(doc, 'member');
		await Promise.all([synced(a), synced(b)]);
		a.doc.getText('t').insert(0, 'سلام ');
		b.doc.getText('t').insert(0, 'hello ');
		await eventually(
			() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 11,
			5000,
			'convergence'
		);
		const stored = await storedDoc(doc);
		expect(stored.getText('t').toString()).toBe(a.doc.getText('t').toString());
	});

	it('refuses a connection without a session with a permanent close code', async () => {
		const anon = client(doc);
		expect((await closed(anon)).code).toBe(CloseCode.unauthenticated);
		expect(anon.provider.synced).toBe(false);
	});

	it('refuses a user who is not a member of the group', async () => {
		const stranger = client(doc, 'stranger');
		expect((await closed(stranger)).code).toBe(CloseCode.notFound);
		expect(stranger.doc.getText('t').length).toBe(0);
	});

	it("drops an observer's edits: they reach neither other clients nor the database", async () => {
		const name = doc.replace('.notes', '.observed');
		const member = client(name, 'member');
		const observer = client(name, 'observer');
		await Promise.all([synced(member), synced(observer)]);
		member.doc.getText('t').insert(0, 'by member');
		await eventually(() => observer.doc.getText('t').toString() === 'by member', 5000, 'observer reads');
		observer.doc.getText('t').insert(0, 'by observer ');
		// A later member edit proves the pipeline ran after the observer's edit arrived.
		await new Promise((r) => setTimeout(r, 200));
		member.doc.getText('t').insert(member.doc.getText('t').length, '!');
		await eventually(async () => (await storedDoc(name)).getText('t').toString() === 'by member!', 5000, 'member edit stored');
		expect(member.doc.getText('t').toString()).toBe('by member!');
		expect((await storedDoc(name)).getText('t').toString()).not.toContain('observer');
	});

	it('closes a connection that sends a malformed message, and keeps serving the others', async () => {
		const name = doc.replace('.notes', '.fuzz');
		const honest = client(name, 'member');
		await synced(honest);
		const Ws = cookieWebSocket(cookies.moderator);
		const bad = new Ws(`${server.url.replace('http', 'ws')}/collab/${name}`);
		await new Promise((r) => bad.once('open', r));
		const closedWith = new Promise<number>((r) => bad.once('close', (code) => r(code)));
		// A sync update whose declared length runs past the end of the message.
		bad.send(new Uint8Array([0, 2, 200, 1, 7]));
		expect(await closedWith).toBe(CloseCode.malformed);
		honest.doc.getText('t').insert(0, 'still here');
		await eventually(async () => (await storedDoc(name)).getText('t').toString() === 'still here', 5000, 'honest edit stored');
		expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ ok: true });
	});

	it('closes a connection that sends an oversized message', async () => {
		const Ws = cookieWebSocket(cookies.member);
		const big = new Ws(`${server.url.replace('http', 'ws')}/collab/${doc}`);
		await new Promise((r) => big.once('open', r));
		const closedWith = new Promise<number>((r) => big.once('close', (code) => r(code)));
		big.send(new Uint8Array(2 * 1024 * 1024));
		expect(await closedWith).toBe(CloseCode.tooLarge);
	});

	it('keeps every saved edit across a restart, and a reconnecting client resyncs without duplicates', async () => {
		const name = doc.replace('.notes', '.restart');
		const a = client(name, 'member', { acks: '1' });
		let savedVector: Map<number, number> = new Map();
		a.provider.messageHandlers[100] = (_enc, decoder) => {
			savedVector = Y.decodeStateVector(decodingRead(decoder));
		};
		await synced(a);
		const text = a.doc.getText('t');
		for (let i = 0; i < 20; i++) text.insert(text.length, `${i},`);
		await eventually(() => savedVector.get(a.doc.clientID) === Y.getState(a.doc.store, a.doc.clientID), 5000, 'acknowledgement');
		await server.restart(true); // SIGKILL: nothing gets a chance to flush
		await eventually(() => a.provider.synced, 10_000, 'resync after restart');
		const b = client(name, 'moderator');
		await synced(b);
		expect(b.doc.getText('t').toString()).toBe(text.toString());
		expect((await storedDoc(name)).getText('t').toString()).toBe(text.toString());
	});
});

// y-websocket hands handlers a lib0 decoder; the "saved" message carries one array.
const decodingRead = (decoder: decoding.Decoder) => decoding.readVarUint8Array(decoder);

// The database unreachable for a few seconds: requests fail with a clear error, a live
// edit is refused explicitly (never dropped), and everything resumes by itself.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../support/db';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import { CloseCode, MessageType } from '../../shared/collab';
import type { Database } from '../../server/db/client';

let server: TestServer;
let database: Database;
let admin: pg.Client;
let dbName: string;
let cookie: string;
let doc: string;
const clients: YClient[] = [];

const block = async (on: boolean) => {
	await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS ${on ? 'false' : 'true'}`);
	if (on) await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
};

beforeAll(async () => {
	const url = inject('postgresUrl');
	expect(url, 'PostgreSQL is needed: set TEST_POSTGRES_URL or install initdb/pg_ctl').toBeTruthy();
	server = await startServer({ postgres: true });
	database = await openTestDb(server);
	dbName = new URL(server.databaseUrl).pathname.slice(1);
	admin = new pg.Client({ connectionString: url! });
	await admin.connect();
	const [group] = await demoGroups(database);
	doc = agendaDocumentName((await database.db.meeting.create({ data: { groupId: group.id, startsAt: new Date() } })).id);
	cookie = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await block(false).catch(() => {});
	await admin?.end();
	await database?.close();
	await server?.dispose();
});

describe('database outage', () => {
	it('refuses live edits explicitly, answers 503, and resumes without losing the edit', async () => {
		const c = yjsClient(server.url, doc, cookie, { acks: '1' });
		clients.push(c);
		let saved = new Map<number, number>();
		c.provider.messageHandlers[MessageType.saved] = (_e, d) => void (saved = Y.decodeStateVector(decoding.readVarUint8Array(d)));
		const allSaved = () => (saved.get(c.doc.clientID) ?? 0) >= Y.getState(c.doc.store, c.doc.clientID);
		const closes: number[] = [];
		c.provider.on('connection-close', (e) => void closes.push(e?.code ?? 0));
		await synced(c);
		addItem(c.doc, { title: 'before the outage' });
		await eventually(allSaved, 5000, 'first edit saved');

		await block(true);
		addItem(c.doc, { title: 'during the outage' });
		// The edit is refused out loud: the connection is closed with "try again later".
		await eventually(() => closes.includes(CloseCode.unavailable), 10_000, '4503 close');
		expect(allSaved()).toBe(false);
		const page = await fetch(`${server.url}/dashboard`, { headers: { cookie, 'accept-language': 'en' } });
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('5');
		expect(await page.text()).toContain('The database cannot be reached right now');
		expect((await fetch(`${server.url}/healthz`)).status).toBe(503);

		await block(false);
		// The provider keeps retrying by itself; once back, the edit is stored and acknowledged.
		await eventually(() => c.provider.synced && allSaved(), 20_000, 'resumed and saved');
		expect(agendaItems(await storedDoc(database, doc)).map((i) => i.title)).toEqual(['before the outage', 'during the outage']);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	}, 60_000);
});

// A room relays an edit as soon as it is applied, and acknowledges it only once stored: a
// write that waits for the database (here PostgreSQL holding the update log's table locked,
// as a long transaction would) delays the author's "saved" mark, never what the others see.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../support/db';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import { MessageType } from '../../shared/collab';
import type { Database } from '../../server/db/client';

let server: TestServer;
let database: Database;
let locker: pg.Client;
let doc: string;
const clients: YClient[] = [];

beforeAll(async () => {
	expect(inject('postgresUrl'), 'PostgreSQL is needed: set TEST_POSTGRES_URL or install initdb/pg_ctl').toBeTruthy();
	server = await startServer({ postgres: true });
	database = await openTestDb(server);
	locker = new pg.Client({ connectionString: server.databaseUrl });
	await locker.connect();
	const [group] = await demoGroups(database);
	doc = agendaDocumentName((await database.db.meeting.create({ data: { groupId: group.id, startsAt: new Date() } })).id);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await locker?.query('ROLLBACK').catch(() => {});
	await locker?.end();
	await database?.close();
	await server?.dispose();
});

describe('a slow write', () => {
	it('holds back only the author’s "saved", not the edit the room sees', async () => {
		const cookie = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
		const author = yjsClient(server.url, doc, cookie, { acks: '1' });
		const reader = yjsClient(server.url, doc, await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD), { acks: '1' });
		clients.push(author, reader);
		let saved = new Map<number, number>();
		author.provider.messageHandlers[MessageType.saved] = (_e, d) => void (saved = Y.decodeStateVector(decoding.readVarUint8Array(d)));
		const allSaved = () => (saved.get(author.doc.clientID) ?? 0) >= Y.getState(author.doc.store, author.doc.clientID);
		await synced(author);
		await synced(reader);

		// Another transaction holds the update log: reads go on, every append waits.
		await locker.query('BEGIN');
		await locker.query('LOCK TABLE "YDocUpdate" IN EXCLUSIVE MODE');
		addItem(author.doc, { title: 'said while the database is busy' });
		await eventually(() => agendaItems(reader.doc).some((i) => i.title === 'said while the database is busy'), 5000, 'relayed at once');
		await new Promise((r) => setTimeout(r, 300));
		expect(allSaved(), 'not acknowledged before it is stored').toBe(false);
		expect(agendaItems(await storedDoc(database, doc)).map((i) => i.title)).toEqual([]);

		await locker.query('COMMIT');
		await eventually(allSaved, 5000, 'acknowledged once stored');
		expect(agendaItems(await storedDoc(database, doc)).map((i) => i.title)).toEqual(['said while the database is busy']);
	}, 30_000);
});

// The meeting agenda co-edited by three real y-websocket clients: adds, moves, removes
// and title edits made at the same time converge, and the database holds the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { demoGroups, openTestDb, storedDoc as storedDocIn } from '../support/db';
import { addItem, agendaItems, moveItem, removeItem, updateItem } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import { MessageType } from '../../shared/collab';
import type { Database } from '../../server/db/client';

let server: TestServer;
let database: Database;
let meetingId: string;
const cookies: Record<string, string> = {};
const clients: YClient[] = [];

const storedDoc = (name: string) => storedDocIn(database, name);

/** A client that records the server's "saved" acknowledgements. */
function ackingClient(who: string) {
	const c = yjsClient(server.url, agendaDocumentName(meetingId), cookies[who], { acks: '1' });
	let saved = new Map<number, number>();
	c.provider.messageHandlers[MessageType.saved] = (_e, decoder) => {
		saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
	};
	clients.push(c);
	// "Told it was saved": the server's acknowledgement covers this client's own edits.
	return { ...c, allSaved: () => (saved.get(c.doc.clientID) ?? 0) >= Y.getState(c.doc.store, c.doc.clientID) };
}

const titles = (doc: Y.Doc) => agendaItems(doc).map((i) => i.title);

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	const [group] = await demoGroups(database);
	meetingId = (await database.db.meeting.create({ data: { groupId: group.id, startsAt: new Date() } })).id;
	for (const who of ['moderator', 'member', 'executor']) cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

describe('co-edited agenda', () => {
	it('converges for three clients editing at once, and the database holds the same agenda', async () => {
		const [a, b, c] = ['moderator', 'member', 'executor'].map(ackingClient);
		await Promise.all([a, b, c].map((x) => synced(x)));
		const first = addItem(a.doc, { title: 'Opening', minutes: 5 });
		const second = addItem(a.doc, { title: 'Budget', minutes: 20, side: 'AGENCY' });
		await eventually(() => agendaItems(b.doc).length === 2 && agendaItems(c.doc).length === 2, 5000, 'items reach everyone');

		// At the same moment: b moves Budget first, c renames Opening, a adds and removes.
		moveItem(b.doc, second, 0);
		updateItem(c.doc, first, { title: 'Opening — گشایش' });
		const third = addItem(a.doc, { title: 'بازارچه محله', presenter: 'مریم' }, 1);
		removeItem(a.doc, first);
		addItem(c.doc, { title: 'Any other business' });

		const expected = ['Budget', 'بازارچه محله', 'Any other business'];
		await eventually(() => [a, b, c].every((x) => JSON.stringify(titles(x.doc)) === JSON.stringify(expected)), 5000, 'convergence');
		await eventually(() => [a, b, c].every((x) => x.allSaved()), 5000, 'all saved');
		expect(titles(await storedDoc(agendaDocumentName(meetingId)))).toEqual(expected);
		expect(agendaItems(a.doc).find((i) => i.id === third)?.presenter).toBe('مریم');
	});

	it('merges concurrent typing in one title character by character', async () => {
		const a = ackingClient('moderator');
		const b = ackingClient('member');
		await Promise.all([synced(a), synced(b)]);
		const id = addItem(a.doc, { title: 'plan' });
		await eventually(() => agendaItems(b.doc).some((i) => i.id === id), 5000, 'item arrives');
		updateItem(a.doc, id, { title: 'the plan' });
		updateItem(b.doc, id, { title: 'plan 2027' });
		await eventually(() => agendaItems(a.doc).find((i) => i.id === id)?.title === 'the plan 2027', 5000, 'merged title');
		await eventually(() => agendaItems(b.doc).find((i) => i.id === id)?.title === 'the plan 2027', 5000, 'merged title on b');
	});

	it('becomes read-only for everyone connected when the moderator closes the meeting', async () => {
		const [group] = await demoGroups(database);
		const meeting = await database.db.meeting.create({ data: { groupId: group.id, startsAt: new Date() } });
		const name = agendaDocumentName(meeting.id);
		const writer = yjsClient(server.url, name, cookies.member, { acks: '1' });
		clients.push(writer);
		await synced(writer);
		addItem(writer.doc, { title: 'kept' });
		await eventually(async () => agendaItems(await storedDoc(name)).length === 1, 10_000, 'first item stored');
		const moderator = await connectSocket(server.url, cookies.moderator);
		expect(await moderator.emitWithAck('meeting:start', { meetingId: meeting.id })).toMatchObject({ ok: true });
		expect(await moderator.emitWithAck('meeting:close', { meetingId: meeting.id })).toMatchObject({ ok: true });
		moderator.close();
		// The client is told to reconnect and comes back read-only: its edit is dropped.
		await eventually(() => writer.provider.synced, 10_000, 'reconnected');
		addItem(writer.doc, { title: 'after close' });
		await new Promise((r) => setTimeout(r, 500));
		expect(agendaItems(await storedDoc(name)).map((i) => i.title)).toEqual(['kept']);
	});

	it('loses no acknowledged edit when the server is killed mid-meeting', async () => {
		const a = ackingClient('moderator');
		await synced(a);
		await eventually(() => agendaItems(a.doc).length > 0, 5000, 'earlier items');
		for (let i = 0; i < 30; i++) addItem(a.doc, { title: `item ${i}` });
		await eventually(() => a.allSaved(), 5000, 'acknowledged');
		const acknowledged = titles(a.doc);
		expect(acknowledged.filter((t) => t.startsWith('item ')).length).toBe(30);
		await server.restart(true);
		const late = ackingClient('member');
		await synced(late, 15_000);
		expect(titles(late.doc)).toEqual(acknowledged);
		// The first client resyncs without duplicating anything.
		await eventually(() => a.provider.synced, 15_000, 'resync');
		expect(titles(a.doc)).toEqual(acknowledged);
		expect(new Set(agendaItems(a.doc).map((i) => i.id)).size).toBe(agendaItems(a.doc).length);
	});
});

// A live meeting's agenda as a real room uses it: stock y-websocket providers, each
// publishing the browser's presence and moving its caret. Presence holds at 60 people, a
// connection speaks only for its own presence, an oversize state closes only its sender,
// a closed meeting's agenda stays read-only for a client whose join raced the close, and
// a read-only client that asked for acknowledgements is told its edits are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, cookieWebSocket, eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../support/db';
import { moveCaret, publishPresence } from '../support/presence';
import { agendaDocumentName } from '../../shared/documents';
import { CloseCode, MAX_AWARENESS_BYTES, MessageType, RefusedReason } from '../../shared/collab';
import type { Database } from '../../server/db/client';

const USERS = ['admin', 'moderator', 'executor', 'member', 'observer'];
let server: TestServer;
let database: Database;
let groupId: string;
const cookies: Record<string, string> = {};
const clients: YClient[] = [];
const stops: (() => void)[] = [];

const liveAgenda = async () => {
	const meeting = await database.db.meeting.create({ data: { groupId, startsAt: new Date(), status: 'LIVE' } });
	return { meetingId: meeting.id, name: agendaDocumentName(meeting.id) };
};

interface Participant extends YClient {
	closes: number[];
	refused: string[];
	/** Bytes and frames this client received from the server. */
	received: { bytes: number; frames: number };
}

const participant = (name: string, who: string) => participantOf(server.url, name, cookies[who]);

function participantOf(url: string, name: string, cookie: string): Participant {
	const c = yjsClient(url, name, cookie, { acks: '1' });
	const p: Participant = { ...c, closes: [], refused: [], received: { bytes: 0, frames: 0 } };
	c.provider.on('connection-close', (event) => p.closes.push(event?.code ?? 0));
	c.provider.messageHandlers[MessageType.saved] = (_e, decoder) => void decoding.readVarUint8Array(decoder);
	c.provider.messageHandlers[MessageType.refused] = (_e, decoder) => void p.refused.push(decoding.readVarString(decoder));
	c.provider.on('status', ({ status }) => {
		if (status !== 'connected') return;
		c.provider.ws?.addEventListener('message', (event) => {
			p.received.frames += 1;
			p.received.bytes += (event.data as ArrayBuffer).byteLength;
		});
	});
	clients.push(c);
	return p;
}

const userName = (c: YClient, id: number) => (c.provider.awareness.getStates().get(id)?.user as { name?: string } | undefined)?.name;

/** An awareness message [1][update] with one entry, as a client could forge it. */
function awarenessMessage(id: number, clock: number, state: unknown): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, id);
	encoding.writeVarUint(update, clock);
	encoding.writeVarString(update, JSON.stringify(state));
	const message = encoding.createEncoder();
	encoding.writeVarUint(message, MessageType.awareness);
	encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
	return encoding.toUint8Array(message);
}

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	for (const who of USERS) cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
});

afterAll(async () => {
	for (const stop of stops) stop();
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

describe('presence in a live meeting', () => {
	it('keeps 60 participants with presence and moving carets connected, each seeing the 59 others', async () => {
		const { name } = await liveAgenda();
		const people: Participant[] = [];
		for (let i = 0; i < 60; i++) {
			const p = participant(name, USERS[i % USERS.length]);
			const size = publishPresence(p, i);
			expect(size).toBeGreaterThan(300);
			expect(size).toBeLessThan(400);
			people.push(p);
		}
		await Promise.all(people.map((p) => synced(p, 20_000)));
		for (const p of people) stops.push(moveCaret(p, 150));
		const everyoneSeen = () => people.every((p) => people.every((q) => userName(p, q.doc.clientID) !== undefined));
		await eventually(everyoneSeen, 15_000, 'everyone sees everyone');

		const before = people.map((p) => ({ ...p.received }));
		const started = Date.now();
		await new Promise((r) => setTimeout(r, 10_000));
		const seconds = (Date.now() - started) / 1000;
		const bytes = people.reduce((sum, p, i) => sum + p.received.bytes - before[i].bytes, 0);
		const frames = people.reduce((sum, p, i) => sum + p.received.frames - before[i].frames, 0);
		console.log(
			`60 participants, carets every 150 ms: server sent ${Math.round(frames / seconds)} frames/s, ` +
				`${Math.round(bytes / seconds / 1024)} KiB/s (${Math.round(bytes / frames)} B/frame)`
		);

		for (const p of people) expect(p.closes).toEqual([]);
		expect(people.every((p) => p.provider.wsconnected)).toBe(true);
		expect(everyoneSeen()).toBe(true);
		for (const p of people) {
			const others = [...p.provider.awareness.getStates().keys()].filter((id) => id !== p.doc.clientID && userName(p, id));
			expect(others).toHaveLength(59);
		}
		for (const p of people) p.destroy();
	}, 90_000);

	it("drops a connection's entry for another participant's client id: the victim's presence stays as it is, everywhere", async () => {
		const { name } = await liveAgenda();
		const victim = participant(name, 'member');
		const watcher = participant(name, 'moderator');
		const forger = participant(name, 'observer');
		publishPresence(victim, 1);
		publishPresence(watcher, 2);
		publishPresence(forger, 3);
		await Promise.all([victim, watcher, forger].map((c) => synced(c)));
		await eventually(() => userName(watcher, victim.doc.clientID) !== undefined && userName(forger, victim.doc.clientID) !== undefined);
		const original = JSON.stringify(victim.provider.awareness.getLocalState());

		const clock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;
		const forged = { user: { name: 'Forged', side: 'AGENCY', color: '#000000' }, cursor: null };
		forger.provider.ws!.send(awarenessMessage(victim.doc.clientID, clock + 10, forged));
		// Then an honest change of the forger's own: once the watcher sees it, the server has
		// handled the forged message sent before it on the same socket.
		forger.provider.awareness.setLocalStateField('marker', 'after');
		await eventually(() => watcher.provider.awareness.getStates().get(forger.doc.clientID)?.marker === 'after', 5000, 'marker');
		await new Promise((r) => setTimeout(r, 300));

		expect(JSON.stringify(watcher.provider.awareness.getStates().get(victim.doc.clientID))).toBe(original);
		expect(JSON.stringify(victim.provider.awareness.getLocalState())).toBe(original);
		expect(userName(victim, victim.doc.clientID)).not.toBe('Forged');
		// The forger's own presence still works, and nobody was closed.
		expect(forger.closes).toEqual([]);
		expect(victim.closes).toEqual([]);
	});

	it("lets the same user's new connection take over its client id, which the old connection's close no longer removes", async () => {
		const { name } = await liveAgenda();
		const old = participant(name, 'member');
		const watcher = participant(name, 'moderator');
		publishPresence(old, 1);
		publishPresence(watcher, 2);
		await Promise.all([synced(old), synced(watcher)]);
		await eventually(() => userName(watcher, old.doc.clientID) !== undefined, 5000, 'old seen');
		// A reconnect whose old socket is still open: the same user, the same Yjs client id.
		const Ws = cookieWebSocket(cookies.member);
		const fresh = new Ws(`${server.url.replace('http', 'ws')}/collab/${name}`);
		await new Promise((r) => fresh.once('open', r));
		const clock = old.provider.awareness.meta.get(old.doc.clientID)!.clock;
		fresh.send(awarenessMessage(old.doc.clientID, clock + 5, { user: { name: 'Reconnected', side: null, color: '#123456' } }));
		await eventually(() => userName(watcher, old.doc.clientID) === 'Reconnected', 5000, 'taken over');
		old.provider.ws!.close(); // the old socket goes: its leave must not remove the id
		await new Promise((r) => setTimeout(r, 500));
		expect(userName(watcher, old.doc.clientID)).toBe('Reconnected');
		fresh.close();
	});

	it('shows a participant again at once after it reconnects', async () => {
		const { name } = await liveAgenda();
		const mover = participant(name, 'member');
		const watcher = participant(name, 'moderator');
		publishPresence(mover, 1);
		publishPresence(watcher, 2);
		await Promise.all([synced(mover), synced(watcher)]);
		await eventually(() => userName(watcher, mover.doc.clientID) !== undefined, 5000, 'mover seen');
		mover.provider.disconnect();
		await eventually(() => userName(watcher, mover.doc.clientID) === undefined, 5000, 'mover gone');
		mover.provider.connect();
		await synced(mover);
		// Its presence has the clock it left with, older than the server's removal of it.
		await eventually(() => userName(watcher, mover.doc.clientID) !== undefined, 3000, 'mover seen again');
	});

	it('closes a connection that publishes an oversize state of its own, and only that one', async () => {
		const { name } = await liveAgenda();
		const honest = participant(name, 'member');
		const other = participant(name, 'executor');
		const large = participant(name, 'observer');
		publishPresence(honest, 1);
		publishPresence(other, 2);
		await Promise.all([synced(honest), synced(other), synced(large)]);
		// A state just under the limit is allowed, and the others' echoes of it (with their
		// own states beside it) cost them nothing.
		// Changes of several people in one tick reach each of them merged, and they echo
		// them merged: the message is larger than one state may be, the states are not.
		let n = 0;
		const changing = setInterval(
			() => large.provider.awareness.setLocalStateField('user', { name: `${n++}`.padEnd(MAX_AWARENESS_BYTES - 100, 'x') }),
			100
		);
		const moving = [moveCaret(honest, 50), moveCaret(other, 50)];
		await new Promise((r) => setTimeout(r, 2000));
		clearInterval(changing);
		for (const stop of moving) stop();
		expect(userName(honest, large.doc.clientID)).toMatch(/^\d+x+$/);

		const Ws = cookieWebSocket(cookies.observer);
		const big = new Ws(`${server.url.replace('http', 'ws')}/collab/${name}`);
		await new Promise((r) => big.once('open', r));
		const closedWith = new Promise<number>((r) => big.once('close', (code) => r(code)));
		const id = 424242;
		big.send(awarenessMessage(id, 1, { user: { name: 'x'.repeat(10_000) } }));
		expect(await closedWith).toBe(CloseCode.tooLarge);

		honest.provider.awareness.setLocalStateField('marker', 'still here');
		await eventually(() => other.provider.awareness.getStates().get(honest.doc.clientID)?.marker === 'still here', 5000, 'honest presence');
		expect(other.provider.awareness.getStates().has(id)).toBe(false);
		expect(honest.provider.awareness.getStates().has(id)).toBe(false);
		expect([...honest.closes, ...other.closes, ...large.closes]).toEqual([]);
		expect(honest.provider.wsconnected && other.provider.wsconnected && large.provider.wsconnected).toBe(true);
	});
});

describe('a closed meeting’s agenda', () => {
	it('stays read-only for a client authorised while the meeting was live whose join came after the close', async () => {
		// On PostgreSQL, a lock held on the documents' snapshot table stalls the room's first
		// load without blocking anything else: the client is authorised (meeting live), the
		// moderator closes the meeting while the load waits, and the client joins the room
		// only after the close reconnected everyone the room had (nobody yet).
		const pgServer = await startServer({ postgres: true });
		const pgDatabase = await openTestDb(pgServer);
		const locker = new pg.Client({ connectionString: pgServer.databaseUrl });
		await locker.connect();
		try {
			const group = (await demoGroups(pgDatabase))[0];
			const meeting = await pgDatabase.db.meeting.create({ data: { groupId: group.id, startsAt: new Date(), status: 'LIVE' } });
			const name = agendaDocumentName(meeting.id);
			const [memberCookie, moderatorCookie] = await Promise.all(
				['member', 'moderator'].map((who) => signIn(pgServer.url, `${who}@rahkar.example`, DEMO_PASSWORD))
			);
			const moderator = await connectSocket(pgServer.url, moderatorCookie);

			await locker.query('BEGIN');
			await locker.query('LOCK TABLE "YDocSnapshot" IN ACCESS EXCLUSIVE MODE');
			const late = participantOf(pgServer.url, name, memberCookie);
			// Authorised, and now loading the document: its read waits for the lock.
			const waiting = async () =>
				(await locker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = '"YDocSnapshot"'::regclass`)).rows[0]
					.n > 0;
			await eventually(waiting, 10_000, 'the load waiting for the lock');
			expect(await moderator.emitWithAck('meeting:close', { meetingId: meeting.id })).toMatchObject({ ok: true });
			moderator.close();
			await locker.query('COMMIT');

			await synced(late, 10_000);
			late.doc.getText('late').insert(0, 'edit after the close');
			const stored = async () => (await storedDoc(pgDatabase, name)).getText('late').toString();
			await eventually(async () => late.refused.length > 0 || (await stored()) !== '', 10_000, 'the edit refused or stored');
			expect(await stored()).toBe('');
			expect(late.refused).toEqual([RefusedReason.closed]);
			expect(late.closes).toEqual([CloseCode.rightsChanged]); // told to come back, then read-only
			// A reader of the closed agenda with nothing of its own is told nothing.
			const reader = participantOf(pgServer.url, name, moderatorCookie);
			await synced(reader);
			await new Promise((r) => setTimeout(r, 500));
			expect(reader.refused).toEqual([]);
		} finally {
			await locker.end();
			await pgDatabase.close();
			await pgServer.dispose();
		}
	}, 120_000);

	it('tells an observer with acknowledgements that its edit was refused, and drops it', async () => {
		const { name } = await liveAgenda();
		const observer = participant(name, 'observer');
		const member = participant(name, 'member');
		await Promise.all([synced(observer), synced(member)]);
		member.doc.getText('t').insert(0, 'by member');
		await eventually(() => observer.doc.getText('t').toString() === 'by member');
		await new Promise((r) => setTimeout(r, 300));
		expect(observer.refused).toEqual([]); // an echo of what the server has is not refused
		observer.doc.getText('t').delete(0, 3);
		await eventually(() => observer.refused.length > 0, 5000, 'refused');
		expect(observer.refused).toEqual([RefusedReason.readOnly]);
		expect((await storedDoc(database, name)).getText('t').toString()).toBe('by member');
	});
});

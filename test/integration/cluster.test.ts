// Two Rahkar nodes on one PostgreSQL database and one Redis: clients on either node
// converge, a node killed mid-meeting loses no acknowledged edit, and a Redis restart
// heals by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { startRedis, type TestRedis } from '../support/redis';
import { connectSocket, cookieWebSocket, eventually, signIn, synced, type TestSocket } from '../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../support/db';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import { MessageType } from '../../shared/collab';
import type { Database } from '../../server/db/client';
import type { PresenceEntry } from '../../shared/events';
import type { VotingState } from '../../shared/vote-events';
import { actorFor, nextMeeting } from '../support/meeting-fixture';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { moveProposal } from '../../server/domain/proposals/transitions';

let redis: TestRedis;
let nodeA: TestServer;
let nodeB: TestServer;
let database: Database;
let groupId: string;
const cookies: Record<string, string> = {};
const cleanup: (() => void)[] = [];

/** A y-websocket client bound to one node; `moveTo` reconnects the same document to
 * another node, as a load balancer would after its node died. */
function client(node: TestServer, doc: string, who: string) {
	const ydoc = new Y.Doc();
	let saved = new Map<number, number>();
	const connect = (n: TestServer) => {
		const p = new WebsocketProvider(n.url.replace(/^http/, 'ws') + '/collab', doc, ydoc, {
			WebSocketPolyfill: cookieWebSocket(cookies[who]) as unknown as typeof WebSocket,
			disableBc: true,
			params: { acks: '1' }
		});
		p.messageHandlers[MessageType.saved] = (_e, decoder) => {
			saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
		};
		return p;
	};
	const c = {
		doc: ydoc,
		provider: connect(node),
		/** Every edit this client made was acknowledged as stored. */
		allSaved: () => (saved.get(ydoc.clientID) ?? 0) >= Y.getState(ydoc.store, ydoc.clientID),
		moveTo(n: TestServer) {
			c.provider.destroy();
			c.provider = connect(n);
		}
	};
	cleanup.push(() => c.provider.destroy());
	return c;
}

const storedTitles = async (doc: string) => agendaItems(await storedDoc(database, doc)).map((i) => i.title);

const titles = (doc: Y.Doc) => agendaItems(doc).map((i) => i.title);
const newMeeting = async () => agendaDocumentName((await database.db.meeting.create({ data: { groupId, startsAt: new Date() } })).id);

beforeAll(async () => {
	redis = await startRedis();
	nodeA = await startServer({ postgres: true, env: { REDIS_URL: redis.url } });
	nodeB = await startServer({ databaseUrl: nodeA.databaseUrl, env: { REDIS_URL: redis.url } });
	database = await openTestDb(nodeA);
	groupId = (await demoGroups(database))[0].id;
	// One session works on both nodes: sessions live in the shared database.
	for (const who of ['moderator', 'member', 'executor']) cookies[who] = await signIn(nodeA.url, `${who}@rahkar.example`, DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
	for (const c of cleanup) c();
	await database?.close();
	await nodeB?.dispose();
	await nodeA?.dispose();
	await redis?.stop();
});

describe('two nodes with PostgreSQL and Redis', () => {
	it('converges an agenda co-edited from both nodes, as the database holds it', async () => {
		const doc = await newMeeting();
		const a = client(nodeA, doc, 'moderator');
		const b = client(nodeB, doc, 'member');
		await Promise.all([synced(a, 15_000), synced(b, 15_000)]);
		for (let i = 0; i < 10; i++) {
			addItem(a.doc, { title: `A${i}` });
			addItem(b.doc, { title: `B${i}` });
		}
		await eventually(
			() => titles(a.doc).length === 20 && JSON.stringify(titles(a.doc)) === JSON.stringify(titles(b.doc)),
			10_000,
			'cross-node convergence'
		);
		await eventually(() => a.allSaved() && b.allSaved(), 15_000, 'acknowledged');
		expect(await storedTitles(doc)).toEqual(titles(a.doc));
	});

	it('shows Socket.IO presence across nodes', async () => {
		const sockets: TestSocket[] = [await connectSocket(nodeA.url, cookies.moderator), await connectSocket(nodeB.url, cookies.member)];
		cleanup.push(() => sockets.forEach((s) => s.close()));
		let present: PresenceEntry[] = [];
		sockets[0].on('group:presence', (p) => (present = p.present));
		await sockets[0].emitWithAck('group:join', { groupId });
		await sockets[1].emitWithAck('group:join', { groupId });
		await eventually(() => present.length === 2, 15_000, 'presence from the other node');
	});

	it('runs a vote with members on both nodes: each node shows the count and the result the database holds', async () => {
		const db = database.db;
		const meeting = await nextMeeting(db);
		const { id: proposalId } = await fileProposal(db, await actorFor(db, 'member'), meeting.groupId, {
			title: 'Two-node market',
			submit: true
		});
		await moveProposal(db, await actorFor(db, 'moderator'), proposalId, { to: 'IN_REVIEW' });
		const voter = async (node: TestServer, who: string) => {
			const socket = await connectSocket(node.url, cookies[who]);
			cleanup.push(() => socket.close());
			const seen: { state: VotingState | null } = { state: null };
			socket.on('vote:state', (s) => {
				if (!seen.state || s.version >= seen.state.version) seen.state = s;
			});
			expect(await socket.emitWithAck('meeting:join', { meetingId: meeting.id })).toMatchObject({ ok: true });
			return { socket, seen };
		};
		const mod = await voter(nodeA, 'moderator');
		const member = await voter(nodeB, 'member');
		const executor = await voter(nodeB, 'executor');
		const meetingId = meeting.id;
		expect(await mod.socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });
		for (const c of [mod, member, executor])
			expect(await c.socket.emitWithAck('meeting:checkin', { meetingId })).toMatchObject({ ok: true });
		const others = await db.membership.findMany({
			where: { groupId: meeting.groupId, role: 'MEMBER', side: { in: ['EXPERT', 'AGENCY', 'LEGAL'] } }
		});
		for (const seat of others)
			expect(await mod.socket.emitWithAck('meeting:attendance', { meetingId, personId: seat.personId, present: true })).toMatchObject({
				ok: true
			});

		const opened = await mod.socket.emitWithAck('vote:open', { meetingId, proposalId });
		if (!opened.ok) throw new Error(opened.code);
		const { voteId } = opened;
		// The vote was opened on node A; members on node B see it and vote there.
		await eventually(() => member.seen.state?.open?.voteId === voteId, 10_000, 'the open vote on node B');
		expect(await member.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' })).toEqual({ ok: true, choice: 'YES' });
		expect(await executor.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'NO' })).toEqual({ ok: true, choice: 'NO' });
		expect(await mod.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' })).toEqual({ ok: true, choice: 'YES' });
		for (const c of [mod, member, executor])
			await eventually(() => c.seen.state?.open?.tally.yes === 2 && c.seen.state?.open?.tally.no === 1, 10_000, 'the count on both nodes');

		expect(await mod.socket.emitWithAck('vote:close', { meetingId, voteId })).toEqual({ ok: true, result: 'PASSED' });
		for (const c of [mod, member, executor])
			await eventually(() => c.seen.state?.closed[0]?.voteId === voteId, 10_000, 'the result on both nodes');
		const stored = await db.vote.findUniqueOrThrow({ where: { id: voteId } });
		expect(stored).toMatchObject({ status: 'CLOSED', result: 'PASSED', yes: 2, no: 1, abstain: 0 });
		expect(member.seen.state!.closed[0]).toMatchObject({ voteId, result: 'PASSED' });
		expect(member.seen.state!.decisions.some((d) => d.proposalId === proposalId && d.outcome === 'APPROVED')).toBe(true);
		expect(await mod.socket.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
	});

	it('shows who is here and where they edit across nodes, and forgets who left', async () => {
		const doc = await newMeeting();
		const a = client(nodeA, doc, 'moderator');
		await synced(a, 15_000);
		a.provider.awareness.setLocalStateField('user', { name: 'on A' });
		// B opens the document after A's state was set: it asks the other nodes at once,
		// rather than waiting for A's client to renew its state (every 15 s).
		const b = client(nodeB, doc, 'member');
		await synced(b, 15_000);
		const seenBy = (c: typeof a) =>
			[...c.provider.awareness.getStates().values()].map((s) => (s.user as { name: string } | undefined)?.name);
		await eventually(() => seenBy(b).includes('on A'), 5_000, 'A seen from node B');
		b.provider.awareness.setLocalStateField('user', { name: 'on B' });
		await eventually(() => seenBy(a).includes('on B'), 5_000, 'B seen from node A');
		a.provider.destroy();
		await eventually(() => !seenBy(b).includes('on A'), 5_000, 'A gone from node B');
	});

	it('keeps every acknowledged edit when a node is killed, over repeated trials', async () => {
		for (let trial = 0; trial < 3; trial++) {
			const [victim, survivor] = trial % 2 === 0 ? [nodeB, nodeA] : [nodeA, nodeB];
			const doc = await newMeeting();
			const writer = client(victim, doc, 'executor');
			const watcher = client(survivor, doc, 'moderator');
			await Promise.all([synced(writer, 15_000), synced(watcher, 15_000)]);
			// Keep writing while the node dies; only acknowledged edits are promised.
			for (let i = 0; i < 25; i++) addItem(writer.doc, { title: `t${trial}-${i}` });
			await eventually(() => writer.allSaved(), 15_000, 'first edits acknowledged');
			const told = titles(writer.doc);
			for (let i = 25; i < 40; i++) addItem(writer.doc, { title: `t${trial}-${i}` });
			await victim.stop(true);
			for (const t of told) expect(await storedTitles(doc)).toContain(t);
			// Its client reconnects to the surviving node and resyncs; everything converges.
			writer.moveTo(survivor);
			await synced(writer, 10_000);
			await eventually(() => writer.allSaved(), 10_000, 'resync acknowledged');
			await eventually(() => titles(watcher.doc).length === 40, 10_000, 'watcher sees all');
			expect(titles(watcher.doc)).toEqual(titles(writer.doc));
			expect(await storedTitles(doc)).toEqual(titles(writer.doc));
			await victim.restart();
		}
	}, 240_000);

	it('heals after Redis restarts mid-meeting: nothing lost, nodes resubscribe by themselves', async () => {
		const doc = await newMeeting();
		const a = client(nodeA, doc, 'moderator');
		const b = client(nodeB, doc, 'member');
		await Promise.all([synced(a, 15_000), synced(b, 15_000)]);
		addItem(a.doc, { title: 'before' });
		await eventually(() => titles(b.doc).includes('before'), 15_000, 'relay before restart');
		await redis.stop();
		addItem(a.doc, { title: 'during A' });
		addItem(b.doc, { title: 'during B' });
		await new Promise((r) => setTimeout(r, 500));
		await redis.start();
		addItem(a.doc, { title: 'after' });
		await eventually(() => titles(b.doc).length === 4 && titles(a.doc).length === 4, 15_000, 'convergence after restart');
		expect(titles(a.doc)).toEqual(titles(b.doc));
		await eventually(() => a.allSaved() && b.allSaved(), 15_000, 'acknowledged');
		expect(await storedTitles(doc)).toEqual(titles(a.doc));
	});
});

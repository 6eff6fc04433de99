// Child process: participants of one live meeting, as the browser makes them. Each one is
//   - a stock Yjs client on the meeting's agenda (y-websocket's WebsocketProvider with
//     `?acks=1` on Rahkar and @y/websocket-server; HocuspocusProvider on Hocuspocus), with
//     its own Y.Doc, publishing the browser's presence (name, side, colour and a Tiptap
//     caret) and moving its caret: typists with every keystroke, the others now and then;
//   - on Rahkar, a Socket.IO meeting client (websocket transport, the member's cookie) that
//     joins the meeting, checks in, raises a hand when told to, and votes when a vote opens.
// Observers among them record when each keystroke and each presence change arrives.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { MeetingRoomFollower } from '../../shared/meeting-room-follower';
import { caretParagraph, thinYjsClient } from './thin-participant';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';
import { MessageType } from '../../shared/collab';
import { addItem, agendaItems, notesField } from '../../shared/agenda';
import type { VotingState } from '../../shared/vote-events';
import { now } from './collab-protocol';
import {
	ITEM_COUNT,
	caret,
	clientIdOf,
	idleMoveDue,
	keystrokeDue,
	presenceUser,
	type AgendaClient,
	type MeetingLoad,
	type MeetingTarget,
	type Participant
} from './meeting-plan';

type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `ws` WebSocket with the headers a browser sends (cookie, Origin), in the shape the
 * providers expect; errors of a socket closed while connecting are swallowed. */
function browserWebSocket(headers: Record<string, string>): typeof WebSocket {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
			this.on('error', () => {});
		}
	} as typeof WebSocket;
}

type YjsClient = AgendaClient;

function yjsClient(target: MeetingTarget, doc: Y.Doc, cookie?: string): YjsClient {
	const headers: Record<string, string> = { origin: target.httpBase };
	if (cookie) headers.cookie = cookie;
	const Polyfill = browserWebSocket(headers);
	if (target.kind === 'hocuspocus') {
		const socket = new HocuspocusProviderWebsocket({ url: target.wsBase, WebSocketPolyfill: Polyfill });
		const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.docName, document: doc });
		provider.attach();
		const client: YjsClient = {
			doc,
			awareness: provider.awareness!,
			connected: () => socket.status === 'connected',
			synced: () => provider.isSynced,
			closes: [],
			destroy: () => {
				provider.destroy();
				socket.destroy();
			}
		};
		socket.on('close', ({ event }: { event: { code?: number } }) => client.closes.push(event?.code ?? 0));
		return client;
	}
	const base = target.kind === 'rahkar' ? `${target.wsBase}/collab` : target.wsBase;
	const provider = new WebsocketProvider(base, target.docName, doc, {
		WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params: target.kind === 'rahkar' ? { acks: '1' } : {}
	});
	// The browser reads Rahkar's "saved" acknowledgements (web/lib/agenda/agenda-session);
	// without a handler the provider logs every one as an unknown message.
	provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => void decoding.readVarUint8Array(decoder);
	const client: YjsClient = {
		doc,
		awareness: provider.awareness,
		connected: () => provider.wsconnected,
		synced: () => provider.synced,
		closes: [],
		destroy: () => provider.destroy()
	};
	provider.on('connection-close', (event) => client.closes.push(event?.code ?? 0));
	return client;
}

/** What one vote looked like from one participant. */
interface VoteSeen {
	openAt: number;
	/** Pairs (ballots counted, first time seen), counts increasing. */
	tallies: number[];
}

class Member {
	readonly doc = new Y.Doc();
	readonly yjs: YjsClient;
	socket: MeetingSocket | null = null;
	/** Own paragraph (typists) or any paragraph (carets of the others). */
	paragraph: Y.XmlText | null = null;
	keystrokes = 0;
	moves = 0;
	lags: number[] = [];
	/** Observers: arrival time of each typist's keystroke, by typist and sequence number (a hole: not arrived). */
	edits: number[][] | null = null;
	/** Observers: flat (clientId, awareness clock, time) of every newer presence state seen. */
	presence: number[] | null = null;
	private lastClock = new Map<number, number>();
	/** Flat (meeting version, time first seen), versions increasing. */
	versions: number[] = [];
	votes = new Map<string, VoteSeen>();
	ballots = new Map<string, { sentAt: number; ackAt: number; ok: boolean; code?: string }>();
	sio = { joined: false, connects: 0, rejoins: 0, disconnects: {} as Record<string, number>, errors: {} as Record<string, number> };
	private highestVotes = -1;

	constructor(
		readonly p: Participant,
		readonly target: MeetingTarget,
		readonly load: MeetingLoad,
		typists: number
	) {
		this.doc.clientID = clientIdOf(p.index);
		this.yjs = p.thin ? thinYjsClient(target, this.doc, p.cookie) : yjsClient(target, this.doc, p.cookie);
		this.yjs.awareness.setLocalStateField('user', presenceUser(p));
		if (p.observer) {
			this.edits = Array.from({ length: typists }, () => []);
			this.doc.on('afterTransaction', (tr: Y.Transaction) => {
				const t = now();
				for (const [client, clock] of tr.afterState) {
					const typist = client - clientIdOf(0);
					if (typist < 0 || typist >= typists || typist === p.index) continue;
					const before = tr.beforeState.get(client) ?? 0;
					const row = this.edits![typist];
					for (let s = before; s < clock; s++) row[s] ??= t;
				}
			});
			this.presence = [];
			this.yjs.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
				if (origin === 'local') return;
				const t = now();
				for (const client of [...added, ...updated]) {
					const clock = this.yjs.awareness.meta.get(client)?.clock ?? -1;
					if (clock > (this.lastClock.get(client) ?? -1)) {
						this.lastClock.set(client, clock);
						this.presence!.push(client, clock, t);
					}
				}
			});
		}
	}

	/** Finds the paragraph to type in (or to put the caret in) once the agenda has synced. */
	findParagraph(): boolean {
		if (this.p.thin) {
			if (!this.yjs.synced()) return false;
			this.paragraph ??= caretParagraph(this.doc.clientID);
			this.yjs.awareness.setLocalStateField('cursor', caret(this.paragraph, this.paragraph.length));
			return true;
		}
		const items = agendaItems(this.doc);
		if (items.length < ITEM_COUNT) return false;
		const slot = this.p.index % ITEM_COUNT;
		const fragment = this.doc.getXmlFragment(notesField(items[slot].id));
		const row = Math.floor(this.p.index / ITEM_COUNT);
		const paragraphs = fragment.toArray();
		const element = paragraphs[this.p.typist ? row : row % Math.max(1, paragraphs.length)];
		const text = element instanceof Y.XmlElement ? element.get(0) : null;
		if (!(text instanceof Y.XmlText)) return false;
		this.paragraph = text;
		this.yjs.awareness.setLocalStateField('cursor', caret(text, text.length));
		return true;
	}

	keystroke(): void {
		const text = this.paragraph;
		if (!text) return;
		const at = text.length;
		this.doc.transact(() => text.insert(at, 'ا'));
		this.keystrokes++;
		this.yjs.awareness.setLocalStateField('cursor', caret(text, at + 1));
	}

	moveCaret(): void {
		const text = this.paragraph;
		if (!text) return;
		const at = Math.floor(Math.random() * (text.length + 1));
		// Half the moves select a few characters, as a click or a drag does.
		const head = Math.random() < 0.5 ? at : Math.min(text.length, at + 5);
		this.yjs.awareness.setLocalStateField('cursor', caret(text, at, head));
		this.moves++;
	}

	connectSocket(httpBase: string, meetingId: string, voteSpreadMs: number): Promise<void> {
		const socket: MeetingSocket = io(httpBase, {
			transports: ['websocket'],
			extraHeaders: { cookie: this.p.cookie ?? '', origin: httpBase },
			forceNew: true
		});
		this.socket = socket;
		// The room as the browser keeps it: the join's answer, then the server's patches.
		const room = new MeetingRoomFollower();
		const held = () => {
			const version = room.view?.state.version ?? -1;
			const last = this.versions.length ? this.versions[this.versions.length - 2] : -1;
			if (version > last) this.versions.push(version, now());
		};
		const join = () => {
			room.joinSent();
			return socket
				.timeout(60_000)
				.emitWithAck('meeting:join', { meetingId })
				.then((joined) => {
					if (joined.ok) {
						room.take(joined);
						held();
					}
					return joined;
				});
		};
		socket.on('meeting:room', (r) => {
			if (r.meetingId !== meetingId) return;
			room.take(r);
			held();
		});
		socket.on('meeting:patch', (p) => {
			if (p.meetingId !== meetingId) return;
			const outcome = room.patch(p);
			if (outcome === 'applied') held();
			if (outcome === 'rejoin') {
				this.sio.rejoins++;
				void join().catch(() => {});
			}
		});
		socket.on('vote:state', (s) => this.onVotes(s, meetingId, voteSpreadMs));
		socket.on('disconnect', (reason) => (this.sio.disconnects[reason] = (this.sio.disconnects[reason] ?? 0) + 1));
		socket.on('connect_error', (e) => (this.sio.errors[e.message] = (this.sio.errors[e.message] ?? 0) + 1));
		return new Promise((resolve) => {
			socket.on('connect', () => {
				this.sio.connects++;
				// As the browser does on every (re)connect: join the room again.
				void join()
					.then(async (joined) => {
						if (!joined.ok) throw new Error(joined.code);
						if (this.sio.connects === 1) {
							const checked = await socket.timeout(60_000).emitWithAck('meeting:checkin', { meetingId });
							if (!checked.ok) throw new Error(checked.code);
						}
						this.sio.joined = true;
					})
					.catch((e: Error) => (this.sio.errors[`join: ${e.message}`] = (this.sio.errors[`join: ${e.message}`] ?? 0) + 1))
					.finally(resolve);
			});
		});
	}

	private onVotes(s: VotingState, meetingId: string, spreadMs: number): void {
		if (s.version < this.highestVotes) return;
		this.highestVotes = s.version;
		const open = s.open;
		if (!open || open.status !== 'OPEN') return;
		const t = now();
		let seen = this.votes.get(open.voteId);
		if (!seen) {
			seen = { openAt: t, tallies: [] };
			this.votes.set(open.voteId, seen);
			const voteId = open.voteId;
			setTimeout(() => {
				const sentAt = now();
				const choices = ['YES', 'NO', 'ABSTAIN'] as const;
				this.socket!.timeout(60_000)
					.emitWithAck('vote:cast', { meetingId, voteId, choice: choices[this.p.index % 3] })
					.then(
						(r) => this.ballots.set(voteId, { sentAt, ackAt: now(), ok: r.ok, code: r.ok ? undefined : r.code }),
						(e: Error) => this.ballots.set(voteId, { sentAt, ackAt: now(), ok: false, code: e.message })
					);
			}, Math.random() * spreadMs);
		}
		const total = open.tally.yes + open.tally.no + open.tally.abstain;
		const last = seen.tallies.length ? seen.tallies[seen.tallies.length - 2] : -1;
		if (total > last) seen.tallies.push(total, t);
	}

	/** When this member first held meeting state of at least `version` (NaN: never). */
	versionSeen(version: number): number {
		for (let k = 0; k < this.versions.length; k += 2) if (this.versions[k] >= version) return this.versions[k + 1];
		return NaN;
	}

	/** When this member first saw at least `total` ballots counted in vote `voteId`. */
	tallySeen(voteId: string, total: number): number {
		const t = this.votes.get(voteId)?.tallies ?? [];
		for (let k = 0; k < t.length; k += 2) if (t[k] >= total) return t[k + 1];
		return NaN;
	}

	destroy(): void {
		this.socket?.close();
		this.yjs.destroy();
	}
}

const members: Member[] = [];
let load: MeetingLoad;
let running = false;
/** Flat (clientId, awareness clock, time) of every presence change the members published. */
const published: number[] = [];

/** The moderator's own agenda client, kept in the room for the whole run (it also keeps
 * the document loaded: Hocuspocus without persistence drops a document nobody holds). */
let moderatorClient: YjsClient | null = null;

/** Creates the agenda's items and one paragraph per typist, as the moderator would before
 * the meeting, so that every participant has somewhere to type and put its caret. */
async function prepare(target: MeetingTarget, typists: number, moderator: Participant): Promise<number> {
	const started = now();
	const doc = new Y.Doc();
	const client = yjsClient(target, doc, moderator.cookie);
	moderatorClient = client;
	client.awareness.setLocalStateField('user', presenceUser(moderator));
	for (const until = Date.now() + 30_000; !client.synced(); await sleep(20))
		if (Date.now() > until) throw new Error(`setup client did not sync (closes: ${client.closes.join(',')})`);
	const rows = Math.max(1, Math.ceil(typists / ITEM_COUNT));
	let items = agendaItems(doc);
	for (let k = items.length; k < ITEM_COUNT; k++) addItem(doc, { title: `موضوع ${k + 1}`, minutes: 10 });
	items = agendaItems(doc);
	doc.transact(() => {
		for (const item of items.slice(0, ITEM_COUNT)) {
			const fragment = doc.getXmlFragment(notesField(item.id));
			for (let r = fragment.length; r < rows; r++) {
				const paragraph = new Y.XmlElement('paragraph');
				paragraph.insert(0, [new Y.XmlText('یادداشت: ')]);
				fragment.insert(fragment.length, [paragraph]);
			}
		}
	});
	// Check that the server has it with a client that connects afresh.
	const checkDoc = new Y.Doc();
	const check = yjsClient(target, checkDoc, moderator.cookie);
	try {
		for (const until = Date.now() + 30_000; ; await sleep(50)) {
			const ready = agendaItems(checkDoc)
				.slice(0, ITEM_COUNT)
				.every((item) => checkDoc.getXmlFragment(notesField(item.id)).length >= rows);
			if (check.synced() && agendaItems(checkDoc).length >= ITEM_COUNT && ready) break;
			if (Date.now() > until) throw new Error('the prepared agenda did not reach a fresh client');
		}
	} finally {
		check.destroy();
	}
	return now() - started;
}

interface Init {
	target: MeetingTarget;
	load: MeetingLoad;
	participants: Participant[];
	typists: number;
	/** Connect this many at a time. */
	batch: number;
}

let context: Init;
let schedule: { t0: number; until: number } | null = null;

/** Connects members as a browser tab does: the agenda first, then the meeting's socket
 * (join, check in). Returns how long each took, and what failed. */
async function connect(list: Participant[], failures: string[]): Promise<number[]> {
	const batch = list.map((p) => new Member(p, context.target, context.load, context.typists));
	members.push(...batch);
	for (const member of batch) {
		member.yjs.awareness.on('update', (_: unknown, origin: unknown) => {
			// Counted only while connected: a closed client's moves reach nobody, and that
			// shows in the connected count rather than as undelivered presence.
			if (origin !== 'local' || !member.yjs.connected()) return;
			const id = member.doc.clientID;
			published.push(id, member.yjs.awareness.meta.get(id)?.clock ?? -1, now());
		});
	}
	return Promise.all(
		batch.map(async (member) => {
			const started = now();
			const until = Date.now() + 60_000;
			while (!(member.yjs.synced() && member.findParagraph()) && Date.now() < until) {
				if (member.yjs.closes.some((c) => c >= 4400 && c < 4500)) break; // the stock provider gives up on these
				await sleep(20);
			}
			if (!member.paragraph)
				failures.push(
					`#${member.p.index} Yjs: ${member.yjs.synced() ? 'no paragraph' : 'not synced'} (closes ${member.yjs.closes.join(',') || 'none'})`
				);
			const { target } = context;
			if (target.kind === 'rahkar' && target.meetingId) {
				await member.connectSocket(target.httpBase, target.meetingId, context.load.voteSpreadMs);
				if (!member.sio.joined) failures.push(`#${member.p.index} Socket.IO: ${JSON.stringify(member.sio.errors)}`);
			}
			if (schedule) run(member);
			return now() - started;
		})
	);
}

async function init(m: Init): Promise<{ yjsSynced: number; sioJoined: number; failures: string[]; connectMs: number[] }> {
	context = m;
	load = m.load;
	const failures: string[] = [];
	const connectMs: number[] = [];
	for (let from = 0; from < m.participants.length; from += m.batch)
		connectMs.push(...(await connect(m.participants.slice(from, from + m.batch), failures)));
	return {
		yjsSynced: members.filter((x) => x.yjs.synced()).length,
		sioJoined: members.filter((x) => x.sio.joined).length,
		failures: failures.slice(0, 20),
		connectMs
	};
}

/** Runs one member's keystroke or caret schedule (open loop: a late timer catches up with
 * every event that fell due, so a backlog shows as lag). A member who joins late starts
 * with the events due from then on. */
function run(member: Member): void {
	const { t0, until } = schedule!;
	const typist = member.p.typist;
	const due = (s: number) => (typist ? keystrokeDue(t0, load, member.p.index, s) : idleMoveDue(t0, load, member.p.index, s));
	let seq = 0;
	while (due(seq) < now()) seq++;
	const tick = () => {
		if (!running) return;
		const t = now();
		while (due(seq) <= t && due(seq) < until) {
			member.lags.push(t - due(seq));
			if (typist) member.keystroke();
			else member.moveCaret();
			seq++;
		}
		if (due(seq) < until) setTimeout(tick, Math.max(0, due(seq) - now()));
	};
	setTimeout(tick, Math.max(0, due(seq) - now()));
}

function start(t0: number, until: number): void {
	running = true;
	schedule = { t0, until };
	for (const member of members) run(member);
}

function final() {
	running = false;
	const closes: Record<string, number> = {};
	const sioDisconnects: Record<string, number> = {};
	const sioErrors: Record<string, number> = {};
	for (const x of members) {
		for (const c of x.yjs.closes) closes[c] = (closes[c] ?? 0) + 1;
		for (const [k, v] of Object.entries(x.sio.disconnects)) sioDisconnects[k] = (sioDisconnects[k] ?? 0) + v;
		for (const [k, v] of Object.entries(x.sio.errors)) sioErrors[k] = (sioErrors[k] ?? 0) + v;
	}
	const lags = members.flatMap((x) => x.lags).sort((a, b) => a - b);
	return {
		count: members.length,
		yjs: {
			connected: members.filter((x) => x.yjs.connected()).length,
			everClosed: members.filter((x) => x.yjs.closes.length > 0).length,
			closes
		},
		sio: {
			connected: members.filter((x) => x.socket?.connected).length,
			reconnected: members.filter((x) => x.sio.connects > 1).length,
			rejoins: members.reduce((n, x) => n + x.sio.rejoins, 0),
			disconnects: sioDisconnects,
			errors: sioErrors
		},
		lagP95: lags.length ? lags[Math.min(lags.length - 1, Math.ceil(0.95 * lags.length) - 1)] : NaN,
		lagMax: lags.length ? lags[lags.length - 1] : NaN,
		keystrokes: members.filter((x) => x.p.typist).map((x) => ({ index: x.p.index, sent: x.keystrokes })),
		moves: members.reduce((n, x) => n + x.moves, 0),
		published: Float64Array.from(published),
		observers: members
			.filter((x) => x.p.observer)
			.map((x) => ({
				index: x.p.index,
				clientId: x.doc.clientID,
				edits: x.edits!.map((row) => Float64Array.from({ length: row.length }, (_, k) => row[k] ?? NaN)),
				presence: Float64Array.from(x.presence!),
				clocks: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(x.doc)))
			})),
		/** The whole room's presence as one awareness update (what a joiner is sent), as the
		 * first member holds it at the end: states and bytes. */
		room: (() => {
			const a = members.find((x) => !x.p.thin && x.yjs.connected())?.yjs.awareness;
			if (!a) return { states: 0, bytes: 0 };
			const ids = [...a.getStates().keys()];
			return { states: ids.length, bytes: encodeAwarenessUpdate(a, ids).byteLength };
		})(),
		/** Mean size of the members' own presence states, as JSON. */
		stateBytes:
			members.reduce((n, x) => n + Buffer.byteLength(JSON.stringify(x.yjs.awareness.getLocalState() ?? {})), 0) /
			Math.max(1, members.length)
	};
}

export type ParticipantsFinal = ReturnType<typeof final>;

// Each y-websocket provider listens for this process's exit (to retract its awareness).
process.setMaxListeners(10_000);
process.on('message', (raw: unknown) => {
	const message = raw as { id: number; type: string } & Record<string, unknown>;
	const reply = (body: unknown) => process.send!({ id: message.id, body });
	const fail = (error: unknown) => process.send!({ id: message.id, error: String((error as Error)?.stack ?? error) });
	try {
		switch (message.type) {
			case 'prepare':
				prepare(message.target as MeetingTarget, message.typists as number, message.moderator as Participant).then(reply, fail);
				break;
			case 'init':
				init(message as unknown as Init).then(reply, fail);
				break;
			case 'start':
				start(message.t0 as number, message.until as number);
				reply(null);
				break;
			case 'late': {
				// A member arriving while the meeting runs, into the full room.
				const failures: string[] = [];
				const p = message.participant as Participant;
				connect([p], failures).then(([connectMs]) => {
					const member = members.find((x) => x.p.index === p.index)!;
					reply({ connectMs, failures, yjs: member.yjs.connected(), sio: member.sio.joined });
				}, fail);
				break;
			}
			case 'hand': {
				const member = members.find((x) => x.p.index === message.index);
				if (!member?.socket) return reply({ ok: false, code: 'no socket' });
				const sentAt = now();
				member.socket
					.timeout(60_000)
					.emitWithAck('meeting:hand', { meetingId: message.meetingId as string, raised: true })
					.then(
						(r) => reply({ sentAt, ackAt: now(), ok: r.ok, version: r.ok ? r.version : -1, code: r.ok ? undefined : r.code }),
						(e: Error) => reply({ sentAt, ackAt: now(), ok: false, version: -1, code: e.message })
					);
				break;
			}
			case 'halt':
				running = false;
				reply(null);
				break;
			case 'versionSeen':
				reply(members.filter((x) => x.socket?.connected).map((x) => x.versionSeen(message.version as number)));
				break;
			case 'ballots': {
				const voteId = message.voteId as string;
				const list = members.map((x) => x.ballots.get(voteId)).filter((b) => b !== undefined);
				reply({
					cast: list.length,
					ok: list.filter((b) => b.ok).length,
					codes: list.filter((b) => !b.ok).map((b) => b.code),
					lastSentAt: Math.max(-Infinity, ...list.filter((b) => b.ok).map((b) => b.sentAt)),
					ackP95: (() => {
						const d = list.map((b) => b.ackAt - b.sentAt).sort((a, b) => a - b);
						return d.length ? d[Math.min(d.length - 1, Math.ceil(0.95 * d.length) - 1)] : NaN;
					})()
				});
				break;
			}
			case 'voteSeen': {
				const voteId = message.voteId as string;
				const connected = members.filter((x) => x.socket?.connected);
				reply({
					openAt: connected.map((x) => x.votes.get(voteId)?.openAt ?? NaN),
					tallyAt: connected.map((x) => x.tallySeen(voteId, message.total as number))
				});
				break;
			}
			case 'final':
				reply(final());
				break;
			case 'stop':
				running = false;
				for (const x of members) x.destroy();
				moderatorClient?.destroy();
				reply(null);
				setTimeout(() => process.exit(0), 300);
				break;
			default:
				fail(new Error(`unknown message ${message.type}`));
		}
	} catch (error) {
		fail(error);
	}
});
process.on('disconnect', () => process.exit(0));

// A real live meeting: N participants as the browser makes them, each a stock Yjs provider
// on the meeting's agenda publishing presence (name, side, colour, Tiptap caret) and
// moving its caret, and a Socket.IO meeting client that joins, checks in, raises a hand
// and votes. The Yjs part also runs against the two references (@y/websocket-server 0.1.1
// and Hocuspocus 3.4, presence on, with their own stock clients), each server in its own
// process one after another, pinned to core 0; every participant process is pinned to
// core 1. The Socket.IO part is Rahkar's only.
//
// Every participant is a full client (no thin writers: the point is what real clients do,
// including the stock provider re-sending every presence change it receives). That costs
// the generator O(N²), so the report gives the generator's CPU beside the server's and says
// when the generator saturated: then a latency is not a server figure. Arrivals are
// recorded on a sample of observers (BENCH.md).
//
// `npm run bench -- meeting [--option value…]`; `--help` lists the options.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/events';
import { agendaDocumentName } from '../shared/documents';
import { SIDES } from '../shared/sides';
import { Child } from './lib/child';
import { now, serverTitles, type ServerKind } from './lib/collab-protocol';
import { clientIdOf, keystrokeDue, pickObservers, type MeetingLoad, type MeetingTarget, type Participant } from './lib/meeting-plan';
import type { ParticipantsFinal } from './lib/meeting-participants';
import { moderatorName, participantName, setUpMeeting, type MeetingFixture } from './lib/meeting-setup';
import { canPin, cpuPercent, pin, sample, setNice, waitPercent } from './lib/proc';
import { SATURATED_CPU, SATURATED_LAG_MS, mb, ms, pct, percentile, table, writeResults } from './lib/report';
import { startRahkar, startReference, type RunningServer } from './lib/servers';
import { mainProfile, printProfile, summarise, type ProfileSummary } from './lib/cpu-profile';
import { resultsDir } from './lib/report';

const SERVER_CORE = 0;
const GENERATOR_CORE = 1;

type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const sleep = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t)));

const OPTIONS: Record<string, [string, string]> = {
	sizes: ['30,100,300,500', 'participants per room, one room after another'],
	servers: ['rahkar,yws,hocuspocus', 'servers to run each size against'],
	seconds: ['15', 'measured window (s)'],
	warmup: ['4', 'load before the window opens (s), not measured; late arrivals join in it'],
	drain: ['3', 'wait after the window for edits and presence still in flight (s)'],
	typists: ['10', 'participants typing in the notes (at most N)'],
	'keystroke-ms': ['150', "a typist's keystroke (edit + caret move) interval"],
	'idle-move-ms': ['10000', "every other participant's caret move interval"],
	observers: ['10', 'participants whose arrivals are recorded'],
	late: ['3', 'participants who arrive during the warm-up, one by one, into the full room'],
	votes: ['2', 'votes during the window (Rahkar)'],
	'vote-spread-ms': ['2000', 'each member votes within this long of seeing the vote open'],
	'hands-per-minute': ['30', 'hands raised in the room per minute (Rahkar)'],
	full: [
		'all',
		'participants whose agenda connection is a full stock provider; the others are thin (bench/lib/thin-participant.ts: the stock wire behaviour, presence echo included, without a copy of the document). Typists, observers and late arrivals are always full'
	],
	'per-process': ['100', 'participants per generator process'],
	batch: ['20', 'participants connecting at once, per process']
};

interface Settings {
	sizes: number[];
	servers: ServerKind[];
	load: MeetingLoad;
	perProcess: number;
	batch: number;
	late: number;
	/** Full stock providers at most (Infinity: all). */
	full: number;
}

function settings(options: Record<string, string>): Settings {
	for (const key of Object.keys(options))
		if (!(key in OPTIONS) && key !== 'help') throw new Error(`meeting: unknown option --${key} (see --help)`);
	const get = (key: string) => options[key] ?? OPTIONS[key][0];
	const num = (key: string) => {
		const v = Number(get(key));
		if (!Number.isFinite(v) || v < 0) throw new Error(`meeting: --${key} must be a number`);
		return v;
	};
	const servers = get('servers').split(',') as ServerKind[];
	for (const k of servers) if (!(k in serverTitles)) throw new Error(`meeting: unknown server "${k}" (rahkar, yws, hocuspocus)`);
	const result: Settings = {
		sizes: get('sizes').split(',').map(Number),
		servers,
		load: {
			typists: num('typists'),
			keystrokeMs: num('keystroke-ms'),
			idleMoveMs: num('idle-move-ms'),
			observers: num('observers'),
			votes: num('votes'),
			voteSpreadMs: num('vote-spread-ms'),
			handsPerMinute: num('hands-per-minute'),
			warmupSeconds: num('warmup'),
			seconds: num('seconds'),
			drainSeconds: num('drain')
		},
		perProcess: Math.max(1, num('per-process')),
		late: num('late'),
		batch: Math.max(1, num('batch')),
		full: get('full') === 'all' ? Infinity : num('full')
	};
	if (result.full !== Infinity && result.servers.includes('hocuspocus'))
		throw new Error('meeting: thin participants speak the y-websocket protocol; run Hocuspocus with --full all');
	return result;
}

interface Latency {
	p50: number;
	p95: number;
	max: number;
	count: number;
	/** Never arrived (counted as infinitely late). */
	undelivered: number;
}

function latency(values: number[]): Latency {
	// Not a - b: Infinity - Infinity is NaN, which leaves the order undefined.
	const sorted = values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return {
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted.length ? sorted[sorted.length - 1] : NaN,
		count: sorted.length,
		undelivered: sorted.filter((v) => !Number.isFinite(v)).length
	};
}

interface VoteResult {
	voteId: string;
	/** Moderator's request → ack. */
	openAckMs: number;
	/** Moderator's ack → the last connected member holding the open vote (Infinity: someone never did). */
	openEverywhereMs: number;
	/** The same from the moderator's request. */
	openEverywhereFromRequestMs: number;
	ballotsOk: number;
	ballotsFailed: string[];
	ballotAckP95: number;
	/** The last ballot sent → the last connected member seeing the full count. */
	tallyEverywhereMs: number;
	closed: boolean;
}

interface Measurement {
	server: ServerKind;
	n: number;
	pinned: boolean;
	/** Setup, apart from the measurement: the server's start, seeding N members with sessions
	 * (one transaction) and the proposals, the moderator starting the meeting, the agenda's
	 * items, and every participant connecting (Yjs synced; Socket.IO joined and checked in). */
	setup: { serverStartMs: number; seedMs: number; moderatorMs: number; prepareMs: number; connectMs: number; connectP95Ms: number };
	failures: string[];
	/** Participants who arrived during the warm-up: connected (Yjs synced) right after joining? */
	lateJoins: { index: number; connectMs: number; yjs: boolean; sio: boolean }[];
	yjs: { connected: number; everClosed: number; closes: Record<string, number> };
	sio: {
		connected: number;
		joined: number;
		reconnected: number;
		/** Joins made again because a patch did not follow the room held (expected: 0). */
		rejoins: number;
		disconnects: Record<string, number>;
		errors: Record<string, number>;
	} | null;
	stateBytes: number;
	/** The room's presence in one awareness update, as a participant held it at the end. */
	room: { states: number; bytes: number };
	keystrokesSent: number;
	caretMovesSent: number;
	presenceSent: number;
	edits: Latency;
	presence: Latency;
	observersMissingLastEdit: number;
	votes: VoteResult[];
	hands: { raised: number; ok: number; seenEverywhere: Latency };
	serverCpu: number;
	serverRssPeak: number;
	serverRssEnd: number;
	serverWaited: number;
	generatorCpu: number;
	generatorWaited: number;
	/** Of the generator processes, the measuring one's wait for its core. */
	measuringWaited: number;
	sendLagP95: number;
	/** The measuring process's own send lag p95. */
	measuringLagP95: number;
	sendLagMax: number;
	saturated: { server: boolean; generator: boolean };
	/** Participants whose agenda connection was thin (--full). */
	thin: number;
	serverOutputTail?: string;
	/** BENCH_CPU_PROFILE: where the server's main thread spent the window. */
	profile?: ProfileSummary;
}

async function moderatorSocket(httpBase: string, cookie: string, meetingId: string): Promise<MeetingSocket> {
	const socket: MeetingSocket = io(httpBase, { transports: ['websocket'], extraHeaders: { cookie, origin: httpBase }, forceNew: true });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	const joined = await socket.timeout(60_000).emitWithAck('meeting:join', { meetingId });
	if (!joined.ok) throw new Error(`moderator could not join: ${joined.code}`);
	const started = await socket.timeout(60_000).emitWithAck('meeting:start', { meetingId });
	if (!started.ok && started.code !== 'CONFLICT') throw new Error(`moderator could not start the meeting: ${started.code}`);
	return socket;
}

async function measure(kind: ServerKind, n: number, s: Settings): Promise<Measurement> {
	const load = s.load;
	const typists = Math.min(load.typists, n);
	const t = performance.now();
	// BENCH_CPU_PROFILE=all (or a list of kinds) runs the server under --cpu-prof; the
	// profile is cut to the window and printed (bench/lib/cpu-profile.ts).
	const profiled = (process.env.BENCH_CPU_PROFILE ?? '').split(',');
	const profileName = profiled.includes('all') || profiled.includes(kind) ? `meeting-${kind}-${n}-${Date.now()}` : undefined;
	let dir: string | null = null;
	let window: [number, number] | null = null;
	let measurement: Measurement | undefined;
	let server: RunningServer;
	if (kind === 'rahkar') {
		dir = mkdtempSync(path.join(tmpdir(), 'rahkar-meeting-bench-'));
		server = await startRahkar({ databaseUrl: `file:${path.join(dir, 'rahkar.db')}`, cpuProfile: profileName });
	} else server = await startReference(kind, { cpuProfile: profileName });
	const serverStartMs = performance.now() - t;
	const pinned = pin(server.pid, SERVER_CORE);
	const children: Child[] = [];
	let fixture: MeetingFixture | null = null;
	let moderator: MeetingSocket | null = null;
	try {
		let seedMs = 0;
		let moderatorMs = 0;
		if (kind === 'rahkar') {
			const seedStart = performance.now();
			fixture = await setUpMeeting(`file:${path.join(dir!, 'rahkar.db')}`, {
				members: n,
				proposals: load.votes,
				cookieName: server.cookie!.split('=')[0]
			});
			seedMs = performance.now() - seedStart;
			moderator = await moderatorSocket(server.httpBase, fixture.moderatorCookie, fixture.meetingId);
			moderatorMs = performance.now() - seedStart - seedMs;
		}
		const target: MeetingTarget = {
			kind,
			wsBase: server.wsBase,
			httpBase: server.httpBase,
			docName: fixture ? agendaDocumentName(fixture.meetingId) : 'meeting-bench-agenda',
			meetingId: fixture?.meetingId
		};
		// The last `late` participants arrive while the meeting runs; they neither type nor observe.
		const late = Math.min(s.late, n - typists);
		const observers = pickObservers(n - late, typists, load.observers);
		const participants: Participant[] = Array.from({ length: n }, (_, i) => ({
			index: i,
			name: fixture?.members[i].name ?? participantName(i),
			side: fixture?.members[i].side ?? SIDES[i % SIDES.length],
			typist: i < typists,
			observer: observers.has(i),
			thin: i >= s.full && i >= typists && !observers.has(i) && i < n - late,
			cookie: fixture?.members[i].cookie
		}));
		// The participants who measure (typists send the timed edits, observers record arrivals,
		// late arrivals time their join) get a process of their own: sharing one with a hundred
		// others, a typist's keystroke waited for its neighbours' bursts (all of them wake at
		// each of the server's ticks), and that wait was counted as the server's.
		const measures = (p: Participant) => p.typist || p.observer || p.index >= n - late;
		const rest = participants.filter((p) => !measures(p));
		const groups: Participant[][] = [participants.filter(measures)];
		for (let from = 0; from < rest.length; from += s.perProcess) groups.push(rest.slice(from, from + s.perProcess));
		const processOf = new Map(groups.flatMap((g, k) => g.map((p) => [p.index, k] as const)));
		for (const [k] of groups.entries()) children.push(Child.start(`participants-${k}`, 'meeting-participants.ts'));
		for (const c of children) pin(c.pid, GENERATOR_CORE);
		// In a real room every browser has a device of its own; here the measuring clients share
		// a core with the load's hundreds. The load's processes run 10 nice steps below the
		// measuring one, so a timed keystroke or arrival is not kept waiting for the core by a
		// neighbour's burst; the load's own lag is still reported (send lag).
		const measuringNice = os.getPriority(process.pid);
		for (const c of children.slice(1)) setNice(c.pid, Math.min(19, measuringNice + 10));
		setNice(children[0].pid, measuringNice);

		const moderatorParticipant: Participant = {
			index: -1,
			name: moderatorName,
			side: 'EXPERT',
			typist: false,
			observer: false,
			cookie: fixture?.moderatorCookie
		};
		const prepareMs = await children[0].call<number>({ type: 'prepare', target, typists, moderator: moderatorParticipant });
		const connectStart = performance.now();
		const joined = await Promise.all(
			children.map((c, k) =>
				c.call<{ yjsSynced: number; sioJoined: number; failures: string[]; connectMs: number[] }>(
					{ type: 'init', target, load, participants: groups[k].filter((p) => p.index < n - late), typists, batch: s.batch },
					600_000
				)
			)
		);
		const connectMs = performance.now() - connectStart;
		const connectEach = joined.flatMap((j) => j.connectMs).sort((a, b) => a - b);
		const failures = joined.flatMap((j) => j.failures);
		let sioJoined = joined.reduce((a, j) => a + j.sioJoined, 0);

		// The load runs from t0 through the warm-up and the window; arrivals count until the drain ends.
		const t0 = now() + 500;
		await Promise.all(children.map((c) => c.call({ type: 'start', t0, until: Infinity })));
		const childOf = (index: number) => children[processOf.get(index)!];
		await sleep(t0 - now());
		// Late arrivals, one after another into the full room, during the warm-up.
		const lateJoins: { index: number; connectMs: number; yjs: boolean; sio: boolean }[] = [];
		for (let index = n - late; index < n; index++) {
			const r = await childOf(index).call<{ connectMs: number; failures: string[]; yjs: boolean; sio: boolean }>(
				{ type: 'late', participant: participants[index] },
				120_000
			);
			lateJoins.push({ index, connectMs: r.connectMs, yjs: r.yjs, sio: r.sio });
			failures.push(...r.failures);
			if (r.sio) sioJoined++;
			await sleep(200);
		}
		const windowStart = Math.max(t0 + load.warmupSeconds * 1000, now() + 200);
		const windowEnd = windowStart + load.seconds * 1000;

		let rssPeak = 0;
		const track = setInterval(() => (rssPeak = Math.max(rssPeak, sample(server.pid)?.rss ?? 0)), 250);
		const sampleAll = () => ({ server: sample(server.pid), children: children.map((c) => sample(c.pid)), self: sample(process.pid) });
		await sleep(windowStart - now());
		const start = sampleAll();
		const startUs = Number(process.hrtime.bigint() / 1000n);

		// Hands, at even times over the window, by different members (Rahkar).
		const handCount = fixture ? Math.min(n, Math.round((load.handsPerMinute * load.seconds) / 60)) : 0;
		const handResults: Promise<{ sentAt: number; ok: boolean; version: number; code?: string }>[] = [];
		const handTimers: NodeJS.Timeout[] = [];
		for (let h = 0; h < handCount; h++) {
			const index = (h * 7919) % n; // distinct members (7919 is prime)
			handTimers.push(
				setTimeout(
					() =>
						handResults.push(
							childOf(index).call({ type: 'hand', index, meetingId: fixture!.meetingId }, 120_000) as Promise<{
								sentAt: number;
								ok: boolean;
								version: number;
							}>
						),
					windowStart + ((h + 0.5) * load.seconds * 1000) / handCount - now()
				)
			);
		}

		// Votes, one after another over the window (Rahkar).
		const votes: VoteResult[] = [];
		if (fixture && moderator) {
			for (let k = 0; k < fixture.proposals.length; k++) {
				await sleep(windowStart + (k * load.seconds * 1000) / fixture.proposals.length + 500 - now());
				votes.push(await runVote(moderator, fixture.meetingId, fixture.proposals[k], children, sioJoined, load));
			}
		}

		await sleep(windowEnd - now());
		const end = sampleAll();
		window = [startUs, Number(process.hrtime.bigint() / 1000n)];
		await Promise.all(children.map((c) => c.call({ type: 'halt' })));
		await sleep(load.drainSeconds * 1000);
		clearInterval(track);
		for (const h of handTimers) clearTimeout(h);
		const serverRssEnd = sample(server.pid)?.rss ?? 0;

		// Hands: from the raise to every connected member holding a state that has it.
		const hands = await Promise.all(handResults);
		const handLatencies: number[] = [];
		for (const h of hands.filter((x) => x.ok)) {
			const seen = (await Promise.all(children.map((c) => c.call<number[]>({ type: 'versionSeen', version: h.version })))).flat();
			handLatencies.push(seen.some((x) => Number.isNaN(x)) ? Infinity : Math.max(...seen) - h.sentAt);
		}

		const finals = await Promise.all(children.map((c) => c.call<ParticipantsFinal>({ type: 'final' }, 120_000)));
		const sent = new Map<number, number>();
		for (const f of finals) for (const k of f.keystrokes) sent.set(k.index, k.sent);

		// Edits: every keystroke due in the window, at every observer but its typist.
		const editLatencies: number[] = [];
		const allObservers = finals.flatMap((f) => f.observers);
		let missingLast = 0;
		for (const o of allObservers) {
			let missing = false;
			for (let typist = 0; typist < typists; typist++) {
				if (typist === o.index) continue;
				const count = sent.get(typist) ?? 0;
				if ((o.clocks[clientIdOf(typist)] ?? 0) < count) missing = true;
				for (let seq = 0; seq < count; seq++) {
					const due = keystrokeDue(t0, load, typist, seq);
					if (due < windowStart || due >= windowEnd) continue;
					const arrived = o.edits[typist][seq] ?? NaN;
					editLatencies.push(Number.isNaN(arrived) ? Infinity : arrived - due);
				}
			}
			if (missing) missingLast++;
		}

		// Presence: every presence change published in the window, at every other observer,
		// counted as arrived when the observer first holds that state or a newer one.
		const presenceLatencies: number[] = [];
		const seenBy = allObservers.map((o) => {
			const byClient = new Map<number, number[]>();
			for (let k = 0; k < o.presence.length; k += 3) {
				const list = byClient.get(o.presence[k]) ?? [];
				list.push(o.presence[k + 1], o.presence[k + 2]);
				byClient.set(o.presence[k], list);
			}
			return { clientId: o.clientId, byClient };
		});
		let presenceSent = 0;
		for (const f of finals) {
			for (let k = 0; k < f.published.length; k += 3) {
				const [client, clock, at] = [f.published[k], f.published[k + 1], f.published[k + 2]];
				if (at < windowStart || at >= windowEnd) continue;
				presenceSent++;
				for (const o of seenBy) {
					if (o.clientId === client) continue;
					const list = o.byClient.get(client) ?? [];
					let arrived = Infinity;
					for (let j = 0; j < list.length; j += 2)
						if (list[j] >= clock) {
							arrived = list[j + 1];
							break;
						}
					presenceLatencies.push(Math.max(0, arrived - at));
				}
			}
		}

		const generatorProcesses = [
			...children.map((c, i) => ({
				cpu: cpuPercent(start.children[i], end.children[i]),
				waited: waitPercent(start.children[i], end.children[i])
			})),
			{ cpu: cpuPercent(start.self, end.self), waited: waitPercent(start.self, end.self) }
		];
		const generatorCpu = generatorProcesses.reduce((a, p) => a + (Number.isNaN(p.cpu) ? 0 : p.cpu), 0);
		const serverCpu = cpuPercent(start.server, end.server);
		const sendLagP95 = Math.max(...finals.map((f) => (Number.isNaN(f.lagP95) ? 0 : f.lagP95)));
		const yjsConnected = finals.reduce((a, f) => a + f.yjs.connected, 0);
		const closes: Record<string, number> = {};
		for (const f of finals) for (const [c, v] of Object.entries(f.yjs.closes)) closes[c] = (closes[c] ?? 0) + v;
		const merge = (key: 'disconnects' | 'errors') => {
			const out: Record<string, number> = {};
			for (const f of finals) for (const [c, v] of Object.entries(f.sio[key])) out[c] = (out[c] ?? 0) + v;
			return out;
		};
		measurement = {
			server: kind,
			n,
			pinned,
			setup: { serverStartMs, seedMs, moderatorMs, prepareMs, connectMs, connectP95Ms: percentile(connectEach, 95) },
			failures: failures.slice(0, 20),
			lateJoins,
			yjs: { connected: yjsConnected, everClosed: finals.reduce((a, f) => a + f.yjs.everClosed, 0), closes },
			sio: fixture
				? {
						connected: finals.reduce((a, f) => a + f.sio.connected, 0),
						joined: sioJoined,
						reconnected: finals.reduce((a, f) => a + f.sio.reconnected, 0),
						rejoins: finals.reduce((a, f) => a + f.sio.rejoins, 0),
						disconnects: merge('disconnects'),
						errors: merge('errors')
					}
				: null,
			stateBytes: finals[0]?.stateBytes ?? 0,
			room: finals.map((f) => f.room).reduce((a, b) => (b.states > a.states ? b : a), { states: 0, bytes: 0 }),
			keystrokesSent: [...sent.values()].reduce((a, b) => a + b, 0),
			caretMovesSent: finals.reduce((a, f) => a + f.moves, 0),
			presenceSent,
			edits: latency(editLatencies),
			presence: latency(presenceLatencies),
			observersMissingLastEdit: missingLast,
			votes,
			hands: { raised: hands.length, ok: hands.filter((h) => h.ok).length, seenEverywhere: latency(handLatencies) },
			serverCpu,
			serverRssPeak: rssPeak,
			serverRssEnd,
			serverWaited: waitPercent(start.server, end.server),
			generatorCpu,
			generatorWaited: Math.max(...generatorProcesses.map((p) => (Number.isNaN(p.waited) ? 0 : p.waited))),
			measuringWaited: generatorProcesses[0].waited,
			sendLagP95,
			measuringLagP95: finals[0]?.lagP95 ?? NaN,
			sendLagMax: Math.max(...finals.map((f) => (Number.isNaN(f.lagMax) ? 0 : f.lagMax))),
			saturated: { server: serverCpu >= SATURATED_CPU, generator: generatorCpu >= SATURATED_CPU || sendLagP95 > SATURATED_LAG_MS },
			thin: participants.filter((p) => p.thin).length,
			serverOutputTail: yjsConnected < n ? server.output().slice(-1500) : undefined
		};
	} finally {
		moderator?.close();
		await Promise.all(children.map((c) => c.stop()));
		await fixture?.close();
		await server.stop(); // a profile is written as the server exits
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
	if (profileName && window) {
		const file = mainProfile(path.join(resultsDir, 'profiles', profileName));
		if (file) {
			measurement.profile = summarise(file, window[0], window[1]);
			printProfile(`${serverTitles[kind]}'s main thread, ${n} participants, over the window`, measurement.profile);
		}
	}
	return measurement;
}

/** Opens a vote as the moderator, lets every member vote, waits for the full count to
 * reach everyone, and closes it. */
async function runVote(
	moderator: MeetingSocket,
	meetingId: string,
	proposalId: string,
	children: Child[],
	expected: number,
	load: MeetingLoad
): Promise<VoteResult> {
	const requestAt = now();
	const opened = await moderator.timeout(60_000).emitWithAck('vote:open', { meetingId, proposalId });
	const ackAt = now();
	if (!opened.ok) throw new Error(`vote:open refused: ${opened.code}`);
	const { voteId } = opened;
	type Ballots = { cast: number; ok: number; codes: string[]; lastSentAt: number; ackP95: number };
	let ballots: Ballots[] = [];
	for (const until = now() + load.voteSpreadMs + 30_000; now() < until; await sleep(100)) {
		ballots = await Promise.all(children.map((c) => c.call<Ballots>({ type: 'ballots', voteId })));
		if (ballots.reduce((a, b) => a + b.cast, 0) >= expected) break;
	}
	const ok = ballots.reduce((a, b) => a + b.ok, 0);
	const lastSentAt = Math.max(...ballots.map((b) => b.lastSentAt));
	type Seen = { openAt: number[]; tallyAt: number[] };
	let seen: Seen[] = [];
	for (const until = now() + 15_000; now() < until; await sleep(100)) {
		seen = await Promise.all(children.map((c) => c.call<Seen>({ type: 'voteSeen', voteId, total: ok })));
		if (seen.every((x) => x.tallyAt.every((v) => !Number.isNaN(v)))) break;
	}
	const worst = (values: number[]) => (values.some((v) => Number.isNaN(v)) ? Infinity : Math.max(-Infinity, ...values));
	const openAll = worst(seen.flatMap((x) => x.openAt));
	const tallyAll = worst(seen.flatMap((x) => x.tallyAt));
	const closed = await moderator.timeout(60_000).emitWithAck('vote:close', { meetingId, voteId });
	return {
		voteId,
		openAckMs: ackAt - requestAt,
		openEverywhereMs: openAll - ackAt,
		openEverywhereFromRequestMs: openAll - requestAt,
		ballotsOk: ok,
		ballotsFailed: ballots.flatMap((b) => b.codes).slice(0, 10),
		ballotAckP95: Math.max(...ballots.map((b) => (Number.isNaN(b.ackP95) ? 0 : b.ackP95))),
		tallyEverywhereMs: tallyAll - lastSentAt,
		closed: closed.ok
	};
}

const codes = (c: Record<string, number>) =>
	Object.keys(c).length === 0
		? 'none'
		: Object.entries(c)
				.map(([k, v]) => `${k}×${v}`)
				.join(' ');

function verdict(m: Measurement): string {
	const parts: string[] = [];
	if (m.saturated.server) parts.push('server');
	if (m.saturated.generator) parts.push(m.generatorCpu < SATURATED_CPU && m.generatorWaited > 10 ? 'generator (starved)' : 'generator');
	if (parts.length === 0) parts.push('neither');
	// The latencies are timed by the measuring process alone; if it kept up, they are the
	// server's (plus one stock client's own work) even when the load's processes lagged.
	const measuringKeptUp = m.measuringWaited <= 10 && !(m.measuringLagP95 > SATURATED_LAG_MS);
	if (m.saturated.generator) parts.push(measuringKeptUp ? 'the measuring clients kept up' : 'latencies NOT a server figure');
	return parts.join('; ');
}

function tableFor(rows: Measurement[], s: Settings): string {
	const beyond = (s.load.seconds + s.load.drainSeconds) * 1000;
	const line = (label: string, f: (m: Measurement) => string) => [label, ...rows.map(f)];
	const lat = (l: Latency) => `${ms(l.p95, beyond)} (p50 ${ms(l.p50, beyond)})`;
	const perVote = (f: (v: VoteResult) => number) => (m: Measurement) =>
		m.votes.length ? m.votes.map((v) => ms(f(v), 60_000)).join(', ') : '–';
	const sio = (f: (x: NonNullable<Measurement['sio']>) => string) => (m: Measurement) => (m.sio ? f(m.sio) : '–');
	return table([
		['', ...rows.map((m) => serverTitles[m.server])],
		line('Yjs clients connected at end', (m) => `${m.yjs.connected} of ${m.n}`),
		line('Yjs close codes seen', (m) => codes(m.yjs.closes)),
		line('late arrivals connected on joining', (m) =>
			m.lateJoins.length ? `${m.lateJoins.filter((j) => j.yjs).length} of ${m.lateJoins.length}` : '–'
		),
		line(
			'Socket.IO connected at end',
			sio((x) => `${x.connected} of ${rows[0].n} (joined ${x.joined})`)
		),
		line(
			'Socket.IO disconnects / errors',
			sio((x) => `${codes(x.disconnects)} / ${codes(x.errors)}`)
		),
		line(
			'Socket.IO re-joins (a patch that did not follow)',
			sio((x) => String(x.rejoins))
		),
		line('edit p95', (m) => lat(m.edits)),
		line('edits never arrived', (m) => `${m.edits.undelivered} of ${m.edits.count}`),
		line('presence p95', (m) => lat(m.presence)),
		line('presence never arrived', (m) => `${m.presence.undelivered} of ${m.presence.count}`),
		line('observers missing a last edit', (m) => String(m.observersMissingLastEdit)),
		line(
			'vote open (ack) → all can vote',
			perVote((v) => v.openEverywhereMs)
		),
		line(
			"  … from the moderator's request",
			perVote((v) => v.openEverywhereFromRequestMs)
		),
		line(
			'last ballot → tally everywhere',
			perVote((v) => v.tallyEverywhereMs)
		),
		line('ballots counted', (m) => (m.votes.length ? m.votes.map((v) => v.ballotsOk).join(', ') : '–')),
		line('hand raised → seen by all p95', (m) =>
			m.hands.raised ? `${ms(m.hands.seenEverywhere.p95, 60_000)} (${m.hands.ok} hands)` : '–'
		),
		line('server CPU (one core)', (m) => pct(m.serverCpu)),
		line('server RSS peak / end', (m) => `${mb(m.serverRssPeak)} / ${mb(m.serverRssEnd)}`),
		line('generator CPU (one core)', (m) => pct(m.generatorCpu)),
		line('generator send lag p95', (m) => ms(m.sendLagP95)),
		line(
			'waited for a core: server / gen (measuring)',
			(m) => `${pct(m.serverWaited)} / ${pct(m.generatorWaited)} (${pct(m.measuringWaited)})`
		),
		line('saturated', verdict),
		line('setup: seed N members / connect all', (m) => `${m.server === 'rahkar' ? ms(m.setup.seedMs) : '–'} / ${ms(m.setup.connectMs)}`)
	]);
}

export async function run(options: Record<string, string> = {}): Promise<void> {
	if (options.help) {
		console.log('npm run bench -- meeting [--option value…]\n');
		console.log(table([['option', 'default', ''], ...Object.entries(OPTIONS).map(([k, [d, what]]) => [`--${k}`, d, what])]));
		return;
	}
	const s = settings(options);
	const cores = os.availableParallelism(); // before pinning: it follows this process's affinity
	const pinned = pin(process.pid, GENERATOR_CORE);
	const l = s.load;
	console.log(
		`meeting: ${s.sizes.join(', ')} participants against ${s.servers.map((k) => serverTitles[k]).join(', ')}; ` +
			(pinned
				? `server on core ${SERVER_CORE}, generator on core ${GENERATOR_CORE}`
				: `NOT pinned (${canPin() ? 'taskset failed' : 'no taskset or one core'})`) +
			`; ${cores} cores, load average ${os
				.loadavg()
				.map((x) => x.toFixed(2))
				.join(' ')}`
	);
	console.log(
		`load: ${l.typists} typists, a keystroke (edit + caret move) every ${l.keystrokeMs} ms each; everyone else moves the caret every ${l.idleMoveMs} ms;\n` +
			`every participant publishes presence (name, side, colour, Tiptap caret); ${l.observers} observers record arrivals;\n` +
			`Rahkar also: every participant joins the meeting over Socket.IO and checks in, ${l.handsPerMinute} hands raised per minute, ` +
			`${l.votes} votes (each member votes within ${l.voteSpreadMs} ms of seeing it open);\n` +
			`${l.warmupSeconds} s warm-up, ${l.seconds} s window, ${l.drainSeconds} s drain.`
	);
	const results: Measurement[] = [];
	const errors: { server: ServerKind; n: number; error: string }[] = [];
	for (const n of s.sizes) {
		const rows: Measurement[] = [];
		for (const kind of s.servers) {
			process.stdout.write(`  ${serverTitles[kind]}, ${n} participants… `);
			try {
				const m = await measure(kind, n, s);
				rows.push(m);
				results.push(m);
				console.log(
					`Yjs connected ${m.yjs.connected}/${n}, edit p95 ${ms(m.edits.p95, 60_000)}, presence p95 ${ms(m.presence.p95, 60_000)}, ` +
						`server CPU ${pct(m.serverCpu)}, generator CPU ${pct(m.generatorCpu)}`
				);
				for (const f of m.failures.slice(0, 3)) console.log(`    ${f}`);
			} catch (error) {
				errors.push({ server: kind, n, error: String((error as Error).stack ?? error) });
				console.log(`FAILED: ${(error as Error).message}`);
			}
		}
		if (rows.length === 0) continue;
		const room = rows.map((m) => `${serverTitles[m.server]} ${m.room.states} states, ${(m.room.bytes / 1024).toFixed(1)} KB`).join('; ');
		const thin = Number.isFinite(s.full) ? rows[0].thin : 0;
		console.log(
			`\n${n} participants (presence ${Math.round(rows[0].stateBytes)} bytes each as JSON; the whole room's presence at the end: ${room}):` +
				(thin > 0
					? `\n${n - thin} full stock providers and ${thin} thin participants (the stock wire, presence echo included, no document copy): a server figure for the agenda's load, as BENCH.md describes`
					: '')
		);
		console.log(tableFor(rows, s) + '\n');
	}
	console.log(
		'Edit latency: scheduled keystroke time → arrival at an observer, every keystroke of the window at every observer. Presence: the\n' +
			"change's publication → the observer holding it or a newer state of that participant. Never-arrived counts as infinitely late.\n" +
			"Vote times are the worst over all connected members, from the moderator's ack (negative when the room's state went out before\n" +
			'the ack, as the server sends it), from the request, and from the last ballot sent. A hand counts as seen when every connected\n' +
			'member holds a meeting state of that version. Late arrivals join one by one during the warm-up, into the full room.'
	);
	const file = writeResults('meeting', { when: new Date().toISOString(), loadavg: os.loadavg(), pinned, settings: s, results, errors });
	console.log(`results: ${path.relative(process.cwd(), file)}`);
}

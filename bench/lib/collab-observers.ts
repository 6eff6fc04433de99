// Child process: full observer clients for the collab scenario, and the end-of-run check.
//
// An observer is a stock client (y-websocket's WebsocketProvider, or HocuspocusProvider for
// Hocuspocus) with its own Y.Doc. After each transaction it compares the state vector
// before and after: a writer's clock says how many of its fixed-length edits the document
// now holds, so the arrival time of every edit is known without parsing any text.
// Latency = arrival − the edit's scheduled send time (open loop, shared clock).
//
// Observers may each have their own target (a node and a document) and watch only the
// writers of their document; a label per writer splits their latencies into groups (the
// cluster scenario: writers on the observer's own node, and on the other node).
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { EDIT_LENGTH, WRITER_CLIENT_BASE, dueAt, editsPerWriter, now, type Load, type Target } from './collab-protocol';

export interface ObserverInit {
	type: 'init';
	load: Load;
	/** `count` observers on `target`, each watching every writer… */
	target?: Target;
	count?: number;
	/** …or one observer per spec. */
	specs?: ObserverSpec[];
}

export interface ObserverSpec {
	target: Target;
	/** The writers whose edits this observer expects (default: all). */
	writers?: number[];
	/** A small label per writer, same order, to split latencies (ObserverFinal.byLabel). */
	labels?: number[];
}

/** What a client that connects after the run sees of a document. */
export interface CheckResult {
	synced: boolean;
	delivered: number;
	hash: string;
	missingLast: number;
	/** The writers whose last sent edit this copy lacks. */
	missingWriters: number[];
	length: number;
}

export interface ObserverFinal {
	/** Latency of every sent edit at every observer, ms; Infinity when it never arrived. */
	latencies: Float64Array;
	/** The same, split by the observers' writer labels (index = label), when they have labels. */
	byLabel: Float64Array[];
	/** Per observer: edits held, text hash, connection drops. */
	observers: { delivered: number; hash: string; drops: number; missingLast: number; docName: string; wsBase: string }[];
	/** A client that connected after the run. */
	fresh: CheckResult | null;
	/** Worst latency of the edits scheduled in each TIMELINE_MS slice of the window (ms;
	 * Infinity if one never arrived): shows stalls and a growing backlog. */
	timeline: number[];
}

export const TIMELINE_MS = 250;

interface FullClient {
	doc: Y.Doc;
	synced(): boolean;
	drops: number;
	destroy(): void;
}

/** The `ws` WebSocket in the shape the providers expect, with a Cookie header, and an
 * error listener: closing a socket that is still connecting emits an error that would
 * otherwise end the process (the providers do that when destroyed mid-connect). */
function nodeWebSocket(cookie?: string): typeof WebSocket {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: cookie ? { cookie } : {} });
			this.on('error', () => {});
		}
	} as typeof WebSocket;
}

function fullClient(target: Target): FullClient {
	const doc = new Y.Doc();
	if (target.kind === 'hocuspocus') {
		// Node 20 has no global WebSocket: give the provider's socket the `ws` one.
		const socket = new HocuspocusProviderWebsocket({ url: target.wsBase, WebSocketPolyfill: nodeWebSocket() });
		const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.docName, document: doc });
		provider.attach();
		const client: FullClient = {
			doc,
			synced: () => provider.isSynced,
			drops: 0,
			destroy: () => {
				provider.destroy();
				socket.destroy();
				doc.destroy();
			}
		};
		provider.on('disconnect', () => client.drops++);
		return client;
	}
	const base = target.kind === 'rahkar' ? `${target.wsBase}/collab` : target.wsBase;
	const provider = new WebsocketProvider(base, target.docName, doc, {
		WebSocketPolyfill: nodeWebSocket(target.cookie) as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	const client: FullClient = {
		doc,
		synced: () => provider.synced,
		drops: 0,
		destroy: () => {
			provider.destroy();
			doc.destroy();
		}
	};
	provider.on('connection-close', () => client.drops++);
	return client;
}

class Observer {
	readonly client: FullClient;
	readonly target: Target;
	/** The writers watched, and their labels (same order). */
	readonly writers: number[];
	readonly labels: number[] | null;
	/** arrivals[k][seq]: when edit `seq` of writers[k] arrived here (NaN until it does). */
	readonly arrivals: Float64Array[];
	delivered = 0;

	constructor(spec: ObserverSpec, load: Load) {
		this.target = spec.target;
		this.client = fullClient(spec.target);
		this.writers = spec.writers ?? Array.from({ length: load.writers }, (_, i) => i);
		this.labels = spec.labels ?? null;
		const slot = new Int32Array(load.writers).fill(-1);
		this.writers.forEach((w, k) => (slot[w] = k));
		const perWriter = editsPerWriter(load);
		this.arrivals = this.writers.map(() => new Float64Array(perWriter).fill(NaN));
		this.client.doc.on('afterTransaction', (tr: Y.Transaction) => {
			const t = now();
			for (const [id, clock] of tr.afterState) {
				const w = id - WRITER_CLIENT_BASE;
				if (w < 0 || w >= load.writers || slot[w] < 0) continue;
				const before = tr.beforeState.get(id) ?? 0;
				if (clock === before) continue;
				const row = this.arrivals[slot[w]];
				const to = Math.min(Math.floor(clock / EDIT_LENGTH), perWriter);
				for (let s = Math.floor(before / EDIT_LENGTH); s < to; s++) {
					if (Number.isNaN(row[s])) {
						row[s] = t;
						this.delivered++;
					}
				}
			}
		});
	}
}

/** How many of the writers' edits a document holds, and which writers' last edit is missing. */
function inventory(doc: Y.Doc, writers: number[], sent: number[]) {
	const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
	let delivered = 0;
	const missingWriters: number[] = [];
	for (const w of writers) {
		const held = Math.floor((clocks.get(WRITER_CLIENT_BASE + w) ?? 0) / EDIT_LENGTH);
		delivered += Math.min(held, sent[w]);
		if (held < sent[w]) missingWriters.push(w);
	}
	const text = doc.getText('t').toString();
	return {
		delivered,
		missingLast: missingWriters.length,
		missingWriters,
		hash: createHash('sha1').update(text).digest('hex'),
		length: text.length
	};
}

/** Connects a fresh client to a document and takes its inventory; null if it never synced. */
async function check(target: Target, writers: number[], sent: number[]): Promise<CheckResult | null> {
	const checker = fullClient(target);
	try {
		const until = Date.now() + 30_000;
		while (!checker.synced() && Date.now() < until) await sleep(20);
		// The first sync can arrive in pieces on some servers; give it a moment to settle.
		await sleep(500);
		return checker.synced() ? { synced: true, ...inventory(checker.doc, writers, sent) } : null;
	} finally {
		checker.destroy();
	}
}

/** Checks many documents, a few at a time. */
async function checkAll(specs: { target: Target; writers: number[] }[], sent: number[]): Promise<(CheckResult | null)[]> {
	const results: (CheckResult | null)[] = [];
	for (let i = 0; i < specs.length; i += 20) {
		results.push(...(await Promise.all(specs.slice(i, i + 20).map((c) => check(c.target, c.writers, sent)))));
	}
	return results;
}

let observers: Observer[] = [];
let target: Target | undefined;
let load: Load;
let t0 = 0;

async function init(message: ObserverInit): Promise<{ synced: number }> {
	target = message.target;
	load = message.load;
	const specs = message.specs ?? Array.from({ length: message.count ?? 0 }, () => ({ target: message.target! }));
	observers = specs.map((spec) => new Observer(spec, load));
	const until = Date.now() + 30_000;
	while (observers.some((o) => !o.client.synced()) && Date.now() < until) await sleep(20);
	return { synced: observers.filter((o) => o.client.synced()).length };
}

async function final(sent: number[]): Promise<ObserverFinal> {
	const total = observers.reduce((n, o) => n + o.writers.reduce((m, w) => m + sent[w], 0), 0);
	const latencies = new Float64Array(total);
	// Room for each label's share, then trimmed.
	const labelCount = 1 + Math.max(-1, ...observers.flatMap((o) => o.labels ?? []));
	const byLabel = Array.from({ length: labelCount }, () => new Float64Array(total));
	const filled = new Array<number>(labelCount).fill(0);
	const timeline = new Array<number>(Math.ceil((load.seconds * 1000) / TIMELINE_MS)).fill(0);
	let k = 0;
	for (const o of observers) {
		o.writers.forEach((w, i) => {
			const label = o.labels ? o.labels[i] : -1;
			for (let s = 0; s < sent[w]; s++) {
				const due = dueAt(t0, load, w, s);
				const arrived = o.arrivals[i][s];
				const latency = Number.isNaN(arrived) ? Infinity : arrived - due;
				latencies[k++] = latency;
				if (label >= 0) byLabel[label][filled[label]++] = latency;
				const slice = Math.min(timeline.length - 1, Math.floor((due - t0) / TIMELINE_MS));
				timeline[slice] = Math.max(timeline[slice], latency);
			}
		});
	}
	const summary = observers.map((o) => {
		const inv = inventory(o.client.doc, o.writers, sent);
		return {
			delivered: o.delivered,
			hash: inv.hash,
			drops: o.client.drops,
			missingLast: inv.missingLast,
			docName: o.target.docName,
			wsBase: o.target.wsBase
		};
	});
	// A client that arrives after the run must see exactly what the observers see (with
	// several targets, the caller checks each document with 'check').
	const fresh = target ? await check(target, observers[0]?.writers ?? [], sent) : null;
	return { latencies, byLabel: byLabel.map((a, i) => a.slice(0, filled[i])), observers: summary, fresh, timeline };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Each y-websocket provider listens for this process's exit (to retract its awareness).
process.setMaxListeners(1000);
process.on('message', (raw: unknown) => {
	const message = raw as { id: number; type: string; t0?: number; sent?: number[]; specs?: { target: Target; writers: number[] }[] };
	const reply = (body: unknown) => process.send!({ id: message.id, body });
	const fail = (error: unknown) => process.send!({ id: message.id, error: String((error as Error)?.stack ?? error) });
	if (message.type === 'init') init(raw as ObserverInit).then(reply, fail);
	else if (message.type === 'start') {
		t0 = message.t0!;
		reply(null);
	} else if (message.type === 'progress') reply(observers.map((o) => o.delivered));
	else if (message.type === 'final') final(message.sent!).then(reply, fail);
	else if (message.type === 'check') checkAll(message.specs!, message.sent!).then(reply, fail);
	else if (message.type === 'stop') {
		for (const o of observers) o.client.destroy();
		reply(null);
		setTimeout(() => process.exit(0), 200);
	}
});
process.on('disconnect', () => process.exit(0));

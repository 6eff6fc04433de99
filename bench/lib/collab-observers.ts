// Child process: full observer clients for the collab scenario, and the end-of-run check.
//
// An observer is a stock client (y-websocket's WebsocketProvider, or HocuspocusProvider for
// Hocuspocus) with its own Y.Doc. After each transaction it compares the state vector
// before and after: a writer's clock says how many of its fixed-length edits the document
// now holds, so the arrival time of every edit is known without parsing any text.
// Latency = arrival − the edit's scheduled send time (open loop, shared clock).
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { EDIT_LENGTH, WRITER_CLIENT_BASE, dueAt, editsPerWriter, now, type Load, type Target } from './collab-protocol';

export interface ObserverInit {
	type: 'init';
	target: Target;
	load: Load;
	count: number;
}

export interface ObserverFinal {
	/** Latency of every sent edit at every observer, ms; Infinity when it never arrived. */
	latencies: Float64Array;
	/** Per observer: edits held, text hash, connection drops. */
	observers: { delivered: number; hash: string; drops: number; missingLast: number }[];
	/** A client that connected after the run. */
	fresh: { synced: boolean; delivered: number; hash: string; missingLast: number; length: number } | null;
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
	/** arrivals[writer][seq]: when the edit arrived here (NaN until it does). */
	readonly arrivals: Float64Array[];
	delivered = 0;

	constructor(target: Target, load: Load) {
		this.client = fullClient(target);
		const perWriter = editsPerWriter(load);
		this.arrivals = Array.from({ length: load.writers }, () => new Float64Array(perWriter).fill(NaN));
		this.client.doc.on('afterTransaction', (tr: Y.Transaction) => {
			const t = now();
			for (const [id, clock] of tr.afterState) {
				const w = id - WRITER_CLIENT_BASE;
				if (w < 0 || w >= load.writers) continue;
				const before = tr.beforeState.get(id) ?? 0;
				if (clock === before) continue;
				const row = this.arrivals[w];
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

/** How many of each writer's edits a document holds, and how many writers' last edit is missing. */
function inventory(doc: Y.Doc, load: Load, sent: number[]): { delivered: number; missingLast: number; hash: string; length: number } {
	const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
	let delivered = 0;
	let missingLast = 0;
	for (let w = 0; w < load.writers; w++) {
		const held = Math.floor((clocks.get(WRITER_CLIENT_BASE + w) ?? 0) / EDIT_LENGTH);
		delivered += Math.min(held, sent[w]);
		if (held < sent[w]) missingLast++;
	}
	const text = doc.getText('t').toString();
	return { delivered, missingLast, hash: createHash('sha1').update(text).digest('hex'), length: text.length };
}

let observers: Observer[] = [];
let target: Target;
let load: Load;
let t0 = 0;

async function init(message: ObserverInit): Promise<{ synced: number }> {
	target = message.target;
	load = message.load;
	observers = Array.from({ length: message.count }, () => new Observer(target, load));
	const until = Date.now() + 30_000;
	while (observers.some((o) => !o.client.synced()) && Date.now() < until) await sleep(20);
	return { synced: observers.filter((o) => o.client.synced()).length };
}

async function final(sent: number[]): Promise<ObserverFinal> {
	const total = sent.reduce((a, b) => a + b, 0);
	const latencies = new Float64Array(total * observers.length);
	const timeline = new Array<number>(Math.ceil((load.seconds * 1000) / TIMELINE_MS)).fill(0);
	let k = 0;
	for (const o of observers) {
		for (let w = 0; w < load.writers; w++) {
			for (let s = 0; s < sent[w]; s++) {
				const due = dueAt(t0, load, w, s);
				const arrived = o.arrivals[w][s];
				const latency = Number.isNaN(arrived) ? Infinity : arrived - due;
				latencies[k++] = latency;
				const slice = Math.min(timeline.length - 1, Math.floor((due - t0) / TIMELINE_MS));
				timeline[slice] = Math.max(timeline[slice], latency);
			}
		}
	}
	const summary = observers.map((o) => {
		const inv = inventory(o.client.doc, load, sent);
		return { delivered: o.delivered, hash: inv.hash, drops: o.client.drops, missingLast: inv.missingLast };
	});
	// A client that arrives after the run must see exactly what the observers see.
	const checker = fullClient(target);
	const until = Date.now() + 30_000;
	while (!checker.synced() && Date.now() < until) await sleep(20);
	// The first sync can arrive in pieces on some servers; give it a moment to settle.
	await sleep(500);
	const fresh = checker.synced() ? { synced: true, ...inventory(checker.doc, load, sent) } : null;
	checker.destroy();
	return { latencies, observers: summary, fresh, timeline };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Each y-websocket provider listens for this process's exit (to retract its awareness).
process.setMaxListeners(100);
process.on('message', (raw: unknown) => {
	const message = raw as { id: number; type: string; t0?: number; sent?: number[] };
	const reply = (body: unknown) => process.send!({ id: message.id, body });
	const fail = (error: unknown) => process.send!({ id: message.id, error: String((error as Error)?.stack ?? error) });
	if (message.type === 'init') init(raw as ObserverInit).then(reply, fail);
	else if (message.type === 'start') {
		t0 = message.t0!;
		reply(null);
	} else if (message.type === 'progress') reply(observers.map((o) => o.delivered));
	else if (message.type === 'final') final(message.sent!).then(reply, fail);
	else if (message.type === 'stop') {
		for (const o of observers) o.client.destroy();
		reply(null);
		setTimeout(() => process.exit(0), 200);
	}
});
process.on('disconnect', () => process.exit(0));

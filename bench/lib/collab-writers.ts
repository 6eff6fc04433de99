// Child process: thin writers for the collab scenario.
//
// Each writer is one WebSocket that speaks the sync protocol correctly but keeps no copy
// of the shared document: it answers the server's sync step 1 with its own step 2, and
// sends its edits as sync updates built from a small private Y.Doc that holds only its
// own text, always appending at the end. Everything the server relays to it is read
// (that is the load under test) but never decoded into a document. Edits go out on an
// open-loop schedule: at fixed times, late if this process falls behind, never skipped.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { ThinSocket } from './thin-ws';
import {
	EDIT_LENGTH,
	STEP1,
	STEP2,
	UPDATE,
	WRITER_CLIENT_BASE,
	Wire,
	documentUrl,
	dueAt,
	editText,
	editsPerWriter,
	now,
	type Load,
	type Target
} from './collab-protocol';

export interface WriterInit {
	type: 'init';
	target: Target;
	load: Load;
	/** The writer indices this process runs (ascending). */
	indices: number[];
	/** Where each writer connects (same order as indices), when they are not all on
	 * `target`: several documents, or several nodes. */
	targets?: Target[];
}

export interface WriterStats {
	indices: number[];
	/** Edits sent, per writer (same order as indices). */
	sent: number[];
	/** Writers whose socket closed before the end, with the close code and reason. */
	closed: { index: number; code: number; reason: string }[];
	messagesIn: number;
	bytesIn: number;
	/** How late edits went out against their schedule, ms. */
	lag: { p50: number; p95: number; p99: number; max: number };
}

class Writer {
	readonly doc = new Y.Doc();
	readonly text = this.doc.getText('t');
	socket: ThinSocket | null = null;
	sent = 0;
	/** Set once the server's sync step 1 arrived (the writer has joined the document). */
	joined = false;
	closedWith: { code: number; reason: string } | null = null;
	private lastUpdate: Uint8Array | null = null;

	constructor(
		readonly index: number,
		private readonly wire: Wire
	) {
		this.doc.clientID = WRITER_CLIENT_BASE + index;
		this.doc.on('update', (update: Uint8Array) => (this.lastUpdate = update));
	}

	async connect(target: Target): Promise<void> {
		this.socket = await ThinSocket.connect({
			url: documentUrl(target),
			headers: target.cookie ? { Cookie: target.cookie } : {},
			onMessage: (data, start, end) => {
				const at = this.wire.step1Offset(data, start, end);
				if (at < 0) return;
				// The server asks what we have that it lacks: answer with our own step 2.
				const stateVector = decoding.readVarUint8Array(decoding.createDecoder(data.subarray(at, end)));
				this.socket?.send(this.wire.sync(STEP2, Y.encodeStateAsUpdate(this.doc, stateVector)));
				this.joined = true;
			},
			onClose: (code, reason) => (this.closedWith ??= { code, reason })
		});
		const hello = this.wire.hello();
		if (hello) this.socket.send(hello);
		// As the stock provider does: ask the server for what we lack. The reply (the whole
		// document) is read and dropped like every other relayed message.
		this.socket.send(this.wire.sync(STEP1, Y.encodeStateVector(this.doc)));
	}

	edit(seq: number): void {
		if (!this.socket || this.socket.closed) return;
		this.text.insert(this.text.length, editText(this.index, seq));
		if (this.text.length !== (seq + 1) * EDIT_LENGTH) throw new Error('edit length drifted');
		this.socket.send(this.wire.sync(UPDATE, this.lastUpdate!));
		this.sent++;
	}
}

let writers: Writer[] = [];
let load: Load;
let finished: Promise<void> | null = null;
const lags: number[] = [];

async function init(message: WriterInit): Promise<{ connected: number; failed: string[] }> {
	load = message.load;
	const targets = message.targets ?? message.indices.map(() => message.target);
	const wires = new Map<string, Wire>();
	const wireFor = (t: Target) => {
		let wire = wires.get(t.docName);
		if (!wire) wires.set(t.docName, (wire = new Wire(t.kind, t.docName)));
		return wire;
	};
	writers = message.indices.map((i, k) => new Writer(i, wireFor(targets[k])));
	const failed: string[] = [];
	// A few connections at a time, as users arriving at a meeting would.
	for (let i = 0; i < writers.length; i += 20) {
		const results = await Promise.allSettled(writers.slice(i, i + 20).map((w, k) => w.connect(targets[i + k])));
		for (const r of results) if (r.status === 'rejected') failed.push(String(r.reason?.message ?? r.reason));
	}
	const until = Date.now() + 60_000;
	while (writers.some((w) => w.socket && !w.socket.closed && !w.joined) && Date.now() < until) await sleep(20);
	const connected = writers.filter((w) => w.joined && !w.socket?.closed).length;
	return { connected, failed };
}

/** Sends every writer's edits on schedule; resolves after the last one. */
function schedule(t0: number): Promise<void> {
	const perWriter = editsPerWriter(load);
	let round = 0;
	let i = 0;
	return new Promise((resolve) => {
		const tick = () => {
			const t = now();
			while (round < perWriter) {
				const w = writers[i];
				const due = dueAt(t0, load, w.index, round);
				if (due > t) break;
				w.edit(round);
				lags.push(t - due);
				if (++i === writers.length) {
					i = 0;
					round++;
				}
			}
			if (round >= perWriter) return resolve();
			setTimeout(tick, Math.max(0, dueAt(t0, load, writers[i].index, round) - now()));
		};
		setTimeout(tick, Math.max(0, t0 - now()));
	});
}

function stats(): WriterStats {
	const sorted = Float64Array.from(lags).sort();
	const pick = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
	return {
		indices: writers.map((w) => w.index),
		sent: writers.map((w) => w.sent),
		closed: writers.filter((w) => w.closedWith).map((w) => ({ index: w.index, ...w.closedWith! })),
		messagesIn: writers.reduce((n, w) => n + (w.socket?.messagesIn ?? 0), 0),
		bytesIn: writers.reduce((n, w) => n + (w.socket?.bytesIn ?? 0), 0),
		lag: { p50: pick(50), p95: pick(95), p99: pick(99), max: sorted.length ? sorted[sorted.length - 1] : NaN }
	};
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

process.on('message', (raw: unknown) => {
	const message = raw as { id: number; type: string; t0?: number };
	const reply = (body: unknown) => process.send!({ id: message.id, body });
	const fail = (error: unknown) => process.send!({ id: message.id, error: String((error as Error)?.stack ?? error) });
	if (message.type === 'init') init(raw as WriterInit).then(reply, fail);
	else if (message.type === 'start') {
		finished = schedule(message.t0!);
		reply(null);
	} else if (message.type === 'done') (finished ?? Promise.resolve()).then(() => reply(stats()), fail);
	else if (message.type === 'stop') {
		for (const w of writers) w.socket?.close();
		reply(null);
		setTimeout(() => process.exit(0), 200);
	}
});
process.on('disconnect', () => process.exit(0));

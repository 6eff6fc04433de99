// One collaborative document: its Y.Doc, presence, connected peers and write pipeline.
//
// Fan-out and durability, per tick: the edits that arrived since the last tick are applied
// to the document in one transaction (which validates them) and sent at once to every peer
// as ONE merged update; what they added joins the write queue. The writer beside the ticks
// appends everything queued as ONE database row, then acknowledges the senders and passes
// the row to the cluster. So a slow write (SQLite busy with a vote's ballots) delays only
// the "saved" mark, never what the room sees; and an acknowledgement still never claims
// what the database does not hold. The tick grows with the number of readers (peers/10
// ms, 2–50 ms), so a document sends at most ~10,000 messages a second however many
// co-edit it: N·ticks, not N² per burst.
//
// Relaying before storing loses nothing: every peer that received an update holds it, and
// if its write fails the room gives up (breakDown) and the peers, reconnecting, send the
// reloaded room what it lacks. Other nodes receive only what is stored (their catch-up
// reads the database).
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType, RefusedReason } from '../../shared/collab';
import type { DocumentStore } from './store';
import type { DocumentRelay } from './relay';
import { ProtocolError, type Peer } from './peer';
import { Presence } from './presence';

export { ProtocolError, type Peer } from './peer';

/** Compact the log into a snapshot once this many rows follow the last snapshot. */
const COMPACT_AFTER = 200;
/** Origin of updates that another node stored. */
const REMOTE = Symbol('remote');
/** The server's own edits travel the write pipeline as if from this peer. */
const SERVER_PEER: Peer = { userId: '', canEdit: true, wantsAcks: false, send: () => {}, close: () => {} };

const tickMs = (peers: number) => Math.min(50, Math.max(2, peers / 10));

function syncUpdateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.sync);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

function refusedMessage(reason: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.refused);
	encoding.writeVarString(encoder, reason);
	return encoding.toUint8Array(encoder);
}

function savedMessage(vector: Map<number, number>): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.saved);
	const sv = encoding.createEncoder();
	encoding.writeVarUint(sv, vector.size);
	for (const [client, clock] of vector) {
		encoding.writeVarUint(sv, client);
		encoding.writeVarUint(sv, clock);
	}
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(sv));
	return encoding.toUint8Array(encoder);
}

/** Runs `change` and returns the updates it added to `doc` (only what was new to it). */
export function captureUpdates(doc: Y.Doc, change: () => void): Uint8Array[] {
	const captured: Uint8Array[] = [];
	const capture = (u: Uint8Array) => void captured.push(u);
	doc.on('update', capture);
	try {
		change();
	} finally {
		doc.off('update', capture);
	}
	return captured;
}

export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly peers = new Set<Peer>();
	readonly presence = new Presence(
		this.doc,
		() => this.peers,
		(update) => this.cluster?.publishAwareness(this.name, update),
		() => this.tickNow()
	);
	/** Set after a failed write: the room no longer accepts anything. */
	broken = false;
	/** Edits received and not yet applied (the next tick takes them). */
	private incoming: { peer: Peer; update: Uint8Array }[] = [];
	/** The server's own edits, already applied, waiting for the next write. */
	private serverEdits: Uint8Array[] = [];
	private tick: NodeJS.Timeout | null = null;
	/** Applied and relayed, not yet stored, with the peers to acknowledge once it is. */
	private unstored: Uint8Array[] = [];
	private unacked = new Set<Peer>();
	private writing: Promise<void> | null = null;
	/** Callers of settled(), resolved when nothing is left to apply or store. */
	private idleWaiters: (() => void)[] = [];
	private compacting: Promise<void> | null = null;
	private lastId = 0;
	private sinceSnapshot = 0;
	/** What the database holds, per Yjs client; acknowledgements are built from this,
	 * never from the in-memory document, which runs ahead while a write is in flight. */
	private stored = new Map<number, number>();
	/** What other nodes stored that is new here, sent to the local peers with the next tick. */
	private remoteOut: Uint8Array[] = [];

	constructor(
		readonly name: string,
		private readonly store: DocumentStore,
		private readonly onError: (error: unknown) => void = console.error,
		/** The cluster's relay, when there are several nodes. */
		private readonly cluster: DocumentRelay | null = null,
		/** Called when the room gave up after a failed write (see breakDown). */
		private readonly onBroken: (room: Room) => void = () => {}
	) {}

	get awareness() {
		return this.presence.awareness;
	}

	/** Edits received or applied and not yet stored (the write pipeline's queue, for metrics). */
	get queued(): number {
		return this.incoming.length + this.serverEdits.length + this.unstored.length;
	}

	/** Loads the stored state; call once before the first peer joins. */
	async load(): Promise<void> {
		const stored = await this.store.load(this.name);
		Y.transact(this.doc, () => {
			for (const update of stored.updates) Y.applyUpdate(this.doc, update, REMOTE);
		});
		this.lastId = stored.lastId;
		this.sinceSnapshot = stored.pending;
		this.stored = Y.decodeStateVector(Y.encodeStateVector(this.doc));
	}

	/** Adds a peer and starts the sync handshake. */
	join(peer: Peer): void {
		if (this.broken) return peer.close(CloseCode.unavailable, 'storage unavailable');
		this.peers.add(peer);
		this.presence.join(peer);
		const step1 = encoding.createEncoder();
		encoding.writeVarUint(step1, MessageType.sync);
		syncProtocol.writeSyncStep1(step1, this.doc);
		peer.send(encoding.toUint8Array(step1));
		const states = this.presence.snapshotFor();
		if (states) peer.send(states);
	}

	/** Removes a peer and the awareness states it controlled. */
	leave(peer: Peer): void {
		this.peers.delete(peer);
		this.presence.leave(peer);
	}

	/** Handles one message from a peer; throws ProtocolError when it is malformed. */
	receive(peer: Peer, data: Uint8Array): void {
		if (this.broken) return;
		try {
			const decoder = decoding.createDecoder(data);
			const type = decoding.readVarUint(decoder);
			if (type === MessageType.sync) this.receiveSync(peer, decoder);
			else if (type === MessageType.awareness) this.presence.receive(peer, decoding.readVarUint8Array(decoder));
			else if (type === MessageType.queryAwareness) {
				const states = this.presence.snapshotFor();
				if (states) peer.send(states);
			} else if (type !== MessageType.auth) throw new ProtocolError(CloseCode.malformed, `unknown message type ${type}`);
		} catch (error) {
			if (error instanceof ProtocolError) throw error;
			throw new ProtocolError(CloseCode.malformed, 'malformed message');
		}
	}

	private receiveSync(peer: Peer, decoder: decoding.Decoder): void {
		const kind = decoding.readVarUint(decoder);
		if (kind === syncProtocol.messageYjsSyncStep1) {
			const stateVector = decoding.readVarUint8Array(decoder);
			const reply = encoding.createEncoder();
			encoding.writeVarUint(reply, MessageType.sync);
			encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
			encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(this.doc, stateVector));
			peer.send(encoding.toUint8Array(reply));
		} else if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) {
			const update = decoding.readVarUint8Array(decoder);
			// Observers may read; their edits are dropped here, before anything is kept or relayed.
			// A client that asked for acknowledgements is told when it sent something new, so
			// it does not wait for a "saved" that never comes.
			if (!peer.canEdit) {
				if (peer.wantsAcks && this.holdsNew(update)) peer.send(refusedMessage(peer.readOnly ?? RefusedReason.readOnly));
				return;
			}
			this.incoming.push({ peer, update });
			this.schedule();
		} else {
			throw new ProtocolError(CloseCode.malformed, `unknown sync message ${kind}`);
		}
	}

	/** Whether an update holds anything the document lacks: a struct past its state vector,
	 * or a deletion of something it has not deleted. A client's sync step 2 carries its
	 * whole delete set, so only the deletions the document lacks count. */
	private holdsNew(update: Uint8Array): boolean {
		for (const [client, end] of Y.parseUpdateMeta(update).to) if (end > Y.getState(this.doc.store, client)) return true;
		for (const [client, deletions] of Y.decodeUpdate(update).ds.clients) {
			const structs = this.doc.store.clients.get(client);
			for (const { clock, len } of deletions) {
				if (!structs || clock + len > Y.getState(this.doc.store, client)) return true;
				for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
					if (!structs[i].deleted) return true;
				}
			}
		}
		return false;
	}

	/** Starts the next tick unless one is waiting. */
	private schedule(): void {
		if (this.tick || this.broken) return;
		this.tick = setTimeout(() => this.runTick(), tickMs(this.peers.size));
	}

	/** Runs a waiting tick at once: the presence tick is going out, and each peer then gets
	 * the edits and the presence in one write (corked.ts), the edits sooner than their tick. */
	private tickNow(): void {
		if (!this.tick) return;
		clearTimeout(this.tick);
		this.runTick();
	}

	private runTick(): void {
		this.tick = null;
		try {
			this.apply();
		} catch (error) {
			this.onError(error);
		}
		this.write();
	}

	/** One tick: apply what arrived and relay what was new to the document, with what other
	 * nodes stored since the last tick, in one message; queue the new part for the writer. */
	private apply(): void {
		const batch = this.incoming;
		this.incoming = [];
		const out = this.remoteOut;
		this.remoteOut = [];
		const fresh = this.serverEdits;
		this.serverEdits = [];
		const senders = new Set(batch.map((b) => b.peer));
		// A tick made of one peer's edits alone holds nothing that peer lacks: it is sent
		// only the acknowledgement (with many small documents, most ticks are like this).
		// Not so if the document held edits waiting for a missing part: this tick may release them.
		const waiting = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
		const soleSender = senders.size === 1 && fresh.length === 0 && out.length === 0 && !waiting ? batch[0].peer : null;
		const malformed = new Set<Peer>();
		// Only what is new to the document is kept: the doc's own update event gives exactly
		// that, so a client resending what the server has (a reconnect) costs no write.
		fresh.push(
			...captureUpdates(this.doc, () =>
				this.doc.transact(() => {
					for (const { peer, update } of batch) {
						if (malformed.has(peer)) continue;
						try {
							Y.applyUpdate(this.doc, update, peer);
						} catch {
							malformed.add(peer);
						}
					}
				})
			)
		);
		for (const peer of malformed) peer.close(CloseCode.malformed, 'malformed update');

		if (fresh.length > 0) {
			const update = fresh.length === 1 ? fresh[0] : Y.mergeUpdates(fresh);
			this.unstored.push(update);
			out.push(update);
		}
		if (out.length > 0) {
			// Where several peers' edits were merged, their senders receive them back too: one
			// shared buffer for everyone keeps the fan-out at N sends per tick, and Yjs ignores
			// what a peer already has.
			const message = syncUpdateMessage(out.length === 1 ? out[0] : Y.mergeUpdates(out));
			for (const peer of this.peers) if (peer !== soleSender) peer.send(message);
		}
		// Acknowledged after the next write, which holds what they sent or, if they sent
		// nothing new, whatever of theirs an earlier tick queued.
		for (const { peer } of batch) if (peer.wantsAcks && !malformed.has(peer)) this.unacked.add(peer);
	}

	/** Starts the writer unless it runs; it stores everything queued as one row, then
	 * acknowledges, and goes on while ticks queue more. */
	private write(): void {
		if (this.writing || this.broken || (this.unstored.length === 0 && this.unacked.size === 0)) return this.notifyIfIdle();
		this.writing = this.writeQueued()
			.catch(this.onError)
			.finally(() => {
				this.writing = null;
				if (this.unstored.length > 0 || this.unacked.size > 0) this.write();
				else this.notifyIfIdle();
			});
	}

	private async writeQueued(): Promise<void> {
		const queued = this.unstored;
		this.unstored = [];
		const acked = this.unacked;
		this.unacked = new Set();
		if (queued.length > 0) {
			const update = queued.length === 1 ? queued[0] : Y.mergeUpdates(queued);
			try {
				this.lastId = await this.store.append(this.name, [update]);
			} catch (error) {
				this.onError(error);
				this.breakDown();
				return;
			}
			this.sinceSnapshot += 1;
			this.noteStored(update);
			this.cluster?.publish(this.name, update);
			this.maybeCompact();
		}
		if (acked.size > 0) {
			const ack = savedMessage(this.stored);
			for (const peer of acked) if (this.peers.has(peer)) peer.send(ack);
		}
	}

	private get idle(): boolean {
		return !this.tick && !this.writing && this.incoming.length === 0 && this.serverEdits.length === 0 && this.unstored.length === 0;
	}

	private notifyIfIdle(): void {
		if (!this.idle && !this.broken) return;
		for (const resolve of this.idleWaiters.splice(0)) resolve();
	}

	/** Not stored, so neither acknowledged nor passed to other nodes. The in-memory document
	 * (and the local peers it was relayed to) are now ahead of the database, and a client
	 * resending the edit would look like nothing new: so the room gives up its memory and
	 * every peer is told to come back later. On reconnect the room reloads from the
	 * database and the clients, which hold the edit (its author and everyone relayed it), send
	 * what it lacks. */
	private breakDown(): void {
		this.broken = true;
		this.incoming = [];
		this.serverEdits = [];
		this.unstored = [];
		this.unacked.clear();
		this.notifyIfIdle();
		for (const peer of [...this.peers]) peer.close(CloseCode.unavailable, 'storage unavailable');
		this.onBroken(this);
	}

	/** Records an update as held by the database (for acknowledgements). */
	private noteStored(update: Uint8Array): void {
		for (const [client, clock] of Y.parseUpdateMeta(update).to) {
			if (clock > (this.stored.get(client) ?? 0)) this.stored.set(client, clock);
		}
	}

	/** Folds the stored log into a snapshot, beside the write pipeline (it works from the
	 * database's copy under its own lock), one compaction at a time. */
	private maybeCompact(): void {
		if (this.sinceSnapshot < COMPACT_AFTER || this.compacting) return;
		this.sinceSnapshot = 0;
		this.compacting = this.store
			.compact(this.name, this.lastId)
			.catch(this.onError) // the log stays complete; a later write retries
			.finally(() => (this.compacting = null));
	}

	/** Applies a change made by the server itself (e.g. an agenda item it adds), through the
	 * same pipeline as a peer's edit: stored first, then relayed. Resolves once stored. */
	async change(edit: (doc: Y.Doc) => void): Promise<void> {
		if (this.broken) throw new Error('room unavailable');
		const captured = captureUpdates(this.doc, () => this.doc.transact(() => edit(this.doc), SERVER_PEER));
		if (captured.length === 0) return;
		this.serverEdits.push(...captured);
		this.schedule();
		await this.settled();
		if (this.broken) throw new Error('room unavailable');
	}

	/** Resolves when nothing is waiting to be applied or stored (or the room gave up). */
	private settled(): Promise<void> {
		if (this.idle || this.broken) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Closes every peer with a transient code, so their clients reconnect and are
	 * authorised afresh (a meeting closed: its agenda became read-only). */
	reconnectAll(reason: string): void {
		for (const peer of [...this.peers]) peer.close(CloseCode.rightsChanged, reason);
	}

	/** Applies an update another node stored; what was new here goes to the local peers
	 * with the next tick, merged with everything else that tick sends. */
	applyRemote(update: Uint8Array): void {
		const captured = captureUpdates(this.doc, () => Y.applyUpdate(this.doc, update, REMOTE));
		this.noteStored(update);
		if (captured.length === 0) return;
		this.remoteOut.push(...captured);
		this.schedule();
	}

	/** Re-reads the document from the database and applies what this node missed (after
	 * the cluster's broker was unreachable). Yjs makes re-applying known updates harmless. */
	async catchUp(): Promise<void> {
		const stored = await this.store.load(this.name);
		for (const update of stored.updates) this.applyRemote(update);
	}

	/** Waits for queued writes, compacts, and releases the document. */
	async close(): Promise<void> {
		await this.settled();
		if (this.tick) clearTimeout(this.tick);
		if (this.compacting) await this.compacting;
		if (this.sinceSnapshot > 0 && !this.broken) {
			await this.store.compact(this.name, this.lastId).catch(this.onError);
		}
		this.presence.destroy();
		this.doc.destroy();
	}
}

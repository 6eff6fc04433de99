// One collaborative document: its Y.Doc, awareness, connected peers and write pipeline.
//
// Durability: an incoming update is applied to the in-memory document (which validates
// it), appended to the database, and only then relayed to the other peers and
// acknowledged to its sender. Updates that arrive while a write is in flight join the
// next write (group commit), and each write goes out to every peer as ONE merged update,
// so a burst of k edits from k writers costs k·1 database rows but only N sends, not k·N.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MAX_AWARENESS_BYTES, MessageType } from '../../shared/collab';
import type { DocumentStore } from './store';
import type { DocumentRelay } from './relay';

/** A connected peer as the room sees it. */
export interface Peer {
	readonly canEdit: boolean;
	readonly wantsAcks: boolean;
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

/** Thrown for a message that does not follow the protocol; the peer is closed with it. */
export class ProtocolError extends Error {
	constructor(
		readonly code: number,
		message: string
	) {
		super(message);
	}
}

/** Origin of updates that another node stored. */
const REMOTE = Symbol('remote');
/** The server's own edits travel the write pipeline as if from this peer. */
const SERVER_PEER: Peer = { canEdit: true, wantsAcks: false, send: () => {}, close: () => {} };

/** Compact the log into a snapshot once this many updates follow the last snapshot. */
const COMPACT_AFTER = 500;
/** Awareness changes are gathered for this long and sent as one message. */
const AWARENESS_TICK_MS = 30;

interface Pending {
	peer: Peer;
	/** What the message added to the document; null when it held nothing new. */
	update: Uint8Array | null;
}

function encodeStateVector(vector: Map<number, number>): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, vector.size);
	for (const [client, clock] of vector) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
	}
	return encoding.toUint8Array(encoder);
}

export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Map<Peer, Set<number>>();
	private inbox: Pending[] = [];
	private writing: Promise<void> | null = null;
	private changedAwareness = new Set<number>();
	private awarenessTimer: NodeJS.Timeout | null = null;
	private lastId = 0;
	private sinceSnapshot = 0;
	/** What the database holds, per Yjs client. The in-memory document runs ahead of it
	 * while a write is in flight, so acknowledgements are built from this, not the doc. */
	private stored = new Map<number, number>();
	private remoteOut: Uint8Array[] = [];
	/** Set after a failed write: the room no longer accepts anything. */
	broken = false;

	constructor(
		readonly name: string,
		private readonly store: DocumentStore,
		private readonly onError: (error: unknown) => void = console.error,
		/** The cluster's relay, when there are several nodes. */
		private readonly cluster: DocumentRelay | null = null,
		/** Called when the room gave up after a failed write (see breakDown). */
		private readonly onBroken: (room: Room) => void = () => {}
	) {
		// The server holds no awareness state of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			for (const id of [...added, ...updated, ...removed]) this.changedAwareness.add(id);
			const ids = origin instanceof Object ? this.peers.get(origin as Peer) : undefined;
			if (ids) {
				for (const id of added) ids.add(id);
				for (const id of removed) ids.delete(id);
			}
			this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_TICK_MS);
		});
	}

	/** Loads the stored state; call once before the first peer joins. */
	async load(): Promise<void> {
		const stored = await this.store.load(this.name);
		Y.transact(this.doc, () => {
			for (const update of stored.updates) Y.applyUpdate(this.doc, update, this);
		});
		this.lastId = stored.lastId;
		this.sinceSnapshot = stored.pending;
		this.stored = Y.decodeStateVector(Y.encodeStateVector(this.doc));
	}

	/** Adds a peer and starts the sync handshake. */
	join(peer: Peer): void {
		if (this.broken) return peer.close(CloseCode.unavailable, 'storage unavailable');
		this.peers.set(peer, new Set());
		const step1 = encoding.createEncoder();
		encoding.writeVarUint(step1, MessageType.sync);
		syncProtocol.writeSyncStep1(step1, this.doc);
		peer.send(encoding.toUint8Array(step1));
		const states = this.awareness.getStates();
		if (states.size > 0) peer.send(this.awarenessMessage([...states.keys()]));
	}

	/** Removes a peer and the awareness states it controlled. */
	leave(peer: Peer): void {
		const ids = this.peers.get(peer);
		this.peers.delete(peer);
		if (ids?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
	}

	/** Handles one message from a peer; throws ProtocolError when it is malformed. */
	receive(peer: Peer, data: Uint8Array): void {
		if (this.broken) return;
		try {
			const decoder = decoding.createDecoder(data);
			const type = decoding.readVarUint(decoder);
			if (type === MessageType.sync) this.receiveSync(peer, decoder);
			else if (type === MessageType.awareness) this.receiveAwareness(peer, decoding.readVarUint8Array(decoder));
			else if (type === MessageType.queryAwareness) peer.send(this.awarenessMessage([...this.awareness.getStates().keys()]));
			else if (type !== MessageType.auth) throw new ProtocolError(CloseCode.malformed, `unknown message type ${type}`);
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
			if (!peer.canEdit) return;
			this.accept(peer, update);
		} else {
			throw new ProtocolError(CloseCode.malformed, `unknown sync message ${kind}`);
		}
	}

	private accept(peer: Peer, update: Uint8Array): void {
		// Applying validates the update; a malformed one throws before anything is stored.
		// Only what is new to the document is kept: the doc's own update event gives exactly
		// that, so a client resending what the server has (a reconnect) costs no write.
		this.inbox.push({ peer, update: this.applyCapturing(update, peer) });
		this.writing ??= this.drain().finally(() => (this.writing = null));
	}

	/** Drops every peer and marks the room unusable; the registry forgets it. */
	private breakDown(): void {
		this.broken = true;
		this.inbox = [];
		for (const peer of [...this.peers.keys()]) peer.close(CloseCode.unavailable, 'storage unavailable');
		this.onBroken(this);
	}

	/** Applies an update and returns what it added to the document (null if nothing). */
	private applyCapturing(update: Uint8Array, origin: unknown): Uint8Array | null {
		let fresh: Uint8Array | null = null;
		const capture = (u: Uint8Array) => (fresh = fresh ? Y.mergeUpdates([fresh, u]) : u);
		this.doc.on('update', capture);
		try {
			Y.applyUpdate(this.doc, update, origin);
		} finally {
			this.doc.off('update', capture);
		}
		return fresh;
	}

	/** Records updates as held by the database (for acknowledgements). */
	private noteStored(updates: Uint8Array[]): void {
		for (const update of updates) {
			for (const [client, clock] of Y.parseUpdateMeta(update).to) {
				if (clock > (this.stored.get(client) ?? 0)) this.stored.set(client, clock);
			}
		}
	}

	/** Writes queued updates in batches until the inbox is empty. */
	private async drain(): Promise<void> {
		while (this.inbox.length > 0) {
			const batch = this.inbox;
			this.inbox = [];
			const updates = batch.flatMap((p) => (p.update ? [p.update] : []));
			try {
				if (updates.length > 0) this.lastId = await this.store.append(this.name, updates);
			} catch (error) {
				// Not stored, so neither relayed nor acknowledged. The in-memory document is now
				// ahead of the database, and a client resending the edit would look like
				// nothing new: so the room gives up its memory and every peer is told to come
				// back later. On reconnect the room reloads from the database and the clients,
				// which still hold their edits, send what it lacks.
				this.onError(error);
				this.breakDown();
				return;
			}
			this.sinceSnapshot += updates.length;
			this.noteStored(updates);
			this.relay(updates, batch);
			if (this.sinceSnapshot >= COMPACT_AFTER) await this.compact();
		}
	}

	private relay(updates: Uint8Array[], batch: Pending[]): void {
		if (updates.length > 0) {
			const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
			this.broadcast(merged);
			this.cluster?.publish(this.name, merged);
		}
		const writers = new Set(batch.filter((p) => p.peer.wantsAcks).map((p) => p.peer));
		if (writers.size === 0) return;
		const ack = encoding.createEncoder();
		encoding.writeVarUint(ack, MessageType.saved);
		encoding.writeVarUint8Array(ack, encodeStateVector(this.stored));
		const ackBytes = encoding.toUint8Array(ack);
		for (const peer of writers) if (this.peers.has(peer)) peer.send(ackBytes);
	}

	/** Sends one update to every local peer as one shared buffer. Senders receive their own
	 * edits back too: that keeps the fan-out at N sends per batch, and Yjs ignores what a
	 * peer already has. */
	private broadcast(update: Uint8Array): void {
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, MessageType.sync);
		syncProtocol.writeUpdate(message, update);
		const bytes = encoding.toUint8Array(message);
		for (const peer of this.peers.keys()) peer.send(bytes);
	}

	/** Applies a change made by the server itself (e.g. an agenda item it adds), through
	 * the same pipeline as a peer's edit: stored first, then relayed. Resolves once stored. */
	async change(edit: (doc: Y.Doc) => void): Promise<void> {
		if (this.broken) throw new Error('room unavailable');
		let update: Uint8Array | null = null;
		const capture = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
		this.doc.on('update', capture);
		try {
			this.doc.transact(() => edit(this.doc), SERVER_PEER);
		} finally {
			this.doc.off('update', capture);
		}
		if (!update) return;
		this.inbox.push({ peer: SERVER_PEER, update });
		this.writing ??= this.drain().finally(() => (this.writing = null));
		while (this.writing) await this.writing;
		if (this.broken) throw new Error('room unavailable');
	}

	/** Closes every peer with a transient code, so their clients reconnect and are
	 * authorised afresh (a meeting closed: its agenda became read-only). */
	reconnectAll(reason: string): void {
		for (const peer of [...this.peers.keys()]) peer.close(CloseCode.rightsChanged, reason);
	}

	/** Applies an update another node stored, and passes on what was new here. Updates
	 * that arrive together are merged and sent to the local peers once per tick. */
	applyRemote(update: Uint8Array): void {
		const fresh = this.applyCapturing(update, REMOTE);
		this.noteStored([update]);
		if (!fresh) return;
		this.remoteOut.push(fresh);
		if (this.remoteOut.length === 1) {
			setImmediate(() => {
				const out = this.remoteOut;
				this.remoteOut = [];
				this.broadcast(out.length === 1 ? out[0] : Y.mergeUpdates(out));
			});
		}
	}

	/** Re-reads the document from the database and applies what this node missed (after
	 * the cluster's broker was unreachable). Yjs makes re-applying known updates harmless. */
	async catchUp(): Promise<void> {
		const stored = await this.store.load(this.name);
		for (const update of stored.updates) this.applyRemote(update);
	}

	/** Folds the stored log into a snapshot (from the database's copy, so it is safe
	 * whatever this node's memory holds). Runs inside the write pipeline. */
	private async compact(): Promise<void> {
		try {
			await this.store.compact(this.name, this.lastId);
			this.sinceSnapshot = 0;
		} catch (error) {
			this.onError(error); // the log is still complete; compaction retries later
		}
	}

	private receiveAwareness(peer: Peer, update: Uint8Array): void {
		if (update.byteLength > MAX_AWARENESS_BYTES) throw new ProtocolError(CloseCode.tooLarge, 'awareness state too large');
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
	}

	private flushAwareness(): void {
		this.awarenessTimer = null;
		const ids = [...this.changedAwareness];
		this.changedAwareness.clear();
		if (ids.length === 0) return;
		const message = this.awarenessMessage(ids);
		for (const peer of this.peers.keys()) peer.send(message);
	}

	private awarenessMessage(ids: number[]): Uint8Array {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageType.awareness);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
		return encoding.toUint8Array(encoder);
	}

	/** Waits for queued writes, compacts, and releases the document. */
	async close(): Promise<void> {
		while (this.writing) await this.writing;
		if (this.sinceSnapshot > 0) await this.compact();
		if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** True while updates are waiting to be written. */
	get busy(): boolean {
		return this.writing !== null;
	}
}

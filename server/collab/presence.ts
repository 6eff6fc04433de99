// A document's awareness (who is here, where their cursor is): applied as it arrives,
// sent to every peer once per tick, and removed when a peer leaves. In a cluster, what this
// node's peers change is also sent to the other nodes once per tick, and theirs is applied
// here: each node speaks only for its own clients, so nothing is echoed back.
//
// Each peer speaks only for the awareness client ids it owns. The stock y-websocket
// provider re-sends every awareness change it receives (its echo of what we sent it), so a
// message is read entry by entry: an entry for an id the peer does not own is dropped
// unread (its JSON is skipped as the length-prefixed bytes it is), and only the peer's own
// states are parsed, size-checked and applied. Echoes therefore cost a scan, never a close,
// however many people are in the room.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode, MAX_AWARENESS_BYTES, MessageType } from '../../shared/collab';
import { ProtocolError, type Peer } from './peer';

/** The presence tick grows with the room: each tick sends one message to every peer, so
 * frames per second are peers × 1000 / tick. 30 ms up to 150 peers (cursors stay smooth,
 * under two animation frames), then peers/5 ms up to 100 ms at 500: a 500-peer room gets
 * 5,000 frames a second instead of 16,700, and a caret that moves several times within a
 * tick is sent once. The bytes of distinct changes are the same either way. */
export const presenceTickMs = (peers: number) => Math.min(100, Math.max(30, peers / 5));
/** Awareness client ids one connection may speak for (the stock provider uses one). */
export const MAX_IDS_PER_PEER = 4;
/** Origin of awareness another node sent. */
const REMOTE = Symbol('remote awareness');
/** Origin of the removals made when one of this node's peers leaves. */
const LEFT = Symbol('peer left');
const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c]; // "null"

interface Entry {
	id: number;
	clock: number;
	json: Uint8Array;
}

/** One entry of an awareness update as it goes on the wire: id, clock, the state's JSON. */
function encodeEntry(id: number, clock: number, json: Uint8Array | string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, id);
	encoding.writeVarUint(encoder, clock);
	if (typeof json === 'string') encoding.writeVarString(encoder, json);
	else encoding.writeVarUint8Array(encoder, json);
	return encoding.toUint8Array(encoder);
}

const isNull = (json: Uint8Array) => json.length === 4 && NULL_JSON.every((b, i) => json[i] === b);

export class Presence {
	readonly awareness: awarenessProtocol.Awareness;
	/** The awareness client ids each local peer owns, removed when it leaves. */
	private owned = new Map<Peer, Set<number>>();
	/** The local peer owning each id. */
	private owner = new Map<number, Peer>();
	/** Ids whose state changed since the last tick, for the local peers. */
	private changed = new Set<number>();
	/** Of those, the ones this node speaks for, for the other nodes. */
	private changedHere = new Set<number>();
	/** Each state's entry as last encoded, with the clock it was encoded at: a joiner's
	 * snapshot of a 500-person room is then 500 copies, not 500 JSON.stringify calls (54 ms
	 * of the thread that serves the room, per arrival). */
	private encoded = new Map<number, { clock: number; bytes: Uint8Array }>();
	private timer: NodeJS.Timeout | null = null;

	constructor(
		doc: Y.Doc,
		private readonly peers: () => ReadonlySet<Peer>,
		/** Sends an awareness update to the other nodes (none when alone). */
		private readonly toCluster: ((update: Uint8Array) => void) | null = null,
		/** Runs just before each tick's send (the room sends its pending edits with it). */
		private readonly beforeFlush: () => void = () => {}
	) {
		this.awareness = new awarenessProtocol.Awareness(doc);
		// The server holds no awareness state of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			const ids = [...added, ...updated, ...removed];
			for (const id of ids) this.changed.add(id);
			for (const id of removed) this.encoded.delete(id);
			// Expiry ('timeout') happens on every node by itself; remote changes came from there.
			if (origin === LEFT || this.owned.has(origin as Peer)) for (const id of ids) this.changedHere.add(id);
			this.timer ??= setTimeout(() => this.flush(), presenceTickMs(this.peers().size));
		});
	}

	/** The current states of everyone, for a peer that just joined (or null if none). */
	snapshotFor(): Uint8Array | null {
		const ids = [...this.awareness.getStates().keys()];
		return ids.length ? this.message(ids) : null;
	}

	join(peer: Peer): void {
		this.owned.set(peer, new Set());
	}

	leave(peer: Peer): void {
		const ids = this.owned.get(peer);
		this.owned.delete(peer);
		if (!ids?.size) return;
		for (const id of ids) this.owner.delete(id);
		const present = [...ids].filter((id) => this.awareness.states.has(id));
		if (present.length) awarenessProtocol.removeAwarenessStates(this.awareness, present, LEFT);
	}

	/** Applies the entries of an awareness update that the peer may set (see may()). An own
	 * state larger than MAX_AWARENESS_BYTES closes the sender, and only the sender. */
	receive(peer: Peer, update: Uint8Array): void {
		const mine = this.owned.get(peer);
		if (!mine) return;
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const kept: Entry[] = [];
		const claims: number[] = [];
		const stale: number[] = [];
		for (let i = 0; i < count; i++) {
			const id = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const json = decoding.readVarUint8Array(decoder);
			const owns = this.owner.get(id) === peer;
			if (!owns && !this.may(peer, mine.size + claims.length, id, clock, json)) {
				if (this.isStale(peer, mine.size + claims.length, id, clock, json)) stale.push(id);
				continue; // an echo, or forged
			}
			if (json.length > MAX_AWARENESS_BYTES) throw new ProtocolError(CloseCode.tooLarge, 'awareness state too large');
			if (!owns) claims.push(id);
			kept.push({ id, clock, json });
		}
		if (stale.length > 0) peer.send(this.removalOf(stale));
		if (kept.length === 0) return;
		for (const id of claims) {
			const previous = this.owner.get(id);
			if (previous) this.owned.get(previous)?.delete(id);
			this.owner.set(id, peer);
			mine.add(id);
		}
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, kept.length);
		for (const { id, clock, json } of kept) {
			encoding.writeVarUint(encoder, id);
			encoding.writeVarUint(encoder, clock);
			encoding.writeVarUint8Array(encoder, json);
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), peer);
		// The sender's own bytes are what every peer is sent of it (the stock server relays
		// them as they came, too); an entry older than the state held was not applied.
		for (const { id, clock, json } of kept)
			if (this.awareness.meta.get(id)?.clock === clock && this.awareness.states.has(id))
				this.encoded.set(id, { clock, bytes: encodeEntry(id, clock, json) });
	}

	/** Whether a peer may take an id it does not own yet: it publishes a state for it
	 * (not a removal) newer than what we hold, within its cap, and the id is free — nobody
	 * here owns it and no other node's client has it — or is owned by another connection
	 * of the same user (a reconnect before the old socket's close was noticed). */
	private may(peer: Peer, owns: number, id: number, clock: number, json: Uint8Array): boolean {
		if (owns >= MAX_IDS_PER_PEER || isNull(json) || id === this.awareness.clientID) return false;
		if (clock <= (this.awareness.meta.get(id)?.clock ?? -1)) return false;
		const other = this.owner.get(id);
		if (other) return other.userId === peer.userId;
		return !this.awareness.states.has(id);
	}

	/** A free id published with a clock no newer than our removal of it: a client that
	 * reconnected after we noticed its old socket close. Its state would be ignored until its
	 * clock passed ours (up to 30 s of renewals), so it is told of the removal: a stock
	 * client then re-publishes its state with a clock past it. */
	private isStale(peer: Peer, owns: number, id: number, clock: number, json: Uint8Array): boolean {
		if (owns >= MAX_IDS_PER_PEER || isNull(json) || id === this.awareness.clientID) return false;
		const meta = this.awareness.meta.get(id);
		return !!meta && clock <= meta.clock && !this.owner.has(id) && !this.awareness.states.has(id);
	}

	/** An awareness message removing these ids at the clock we hold for them. */
	private removalOf(ids: number[]): Uint8Array {
		const update = encoding.createEncoder();
		encoding.writeVarUint(update, ids.length);
		for (const id of ids) {
			encoding.writeVarUint(update, id);
			encoding.writeVarUint(update, this.awareness.meta.get(id)?.clock ?? 0);
			encoding.writeVarString(update, 'null');
		}
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageType.awareness);
		encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
		return encoding.toUint8Array(encoder);
	}

	/** Applies awareness another node sent about its clients. */
	applyRemote(update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
	}

	/** Sends the states of this node's clients to the other nodes (one just opened the document). */
	announce(): void {
		const ids = [...this.owner.keys()];
		if (ids.length && this.toCluster) this.toCluster(this.update(ids));
	}

	private flush(): void {
		this.timer = null;
		this.beforeFlush();
		const ids = [...this.changed];
		const here = [...this.changedHere];
		this.changed.clear();
		this.changedHere.clear();
		if (ids.length > 0) {
			const message = this.message(ids);
			for (const peer of this.peers()) peer.send(message);
		}
		if (here.length > 0 && this.toCluster) this.toCluster(this.update(here));
	}

	/** An awareness message of these ids' current states (null for a removed one), as
	 * y-protocols' encodeAwarenessUpdate writes it, from the encoded entries. */
	private message(ids: number[]): Uint8Array {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageType.awareness);
		encoding.writeVarUint8Array(encoder, this.update(ids));
		return encoding.toUint8Array(encoder);
	}

	/** The awareness update of these ids (what the other nodes are sent, too). */
	private update(ids: number[]): Uint8Array {
		const update = encoding.createEncoder();
		encoding.writeVarUint(update, ids.length);
		for (const id of ids) encoding.writeUint8Array(update, this.entry(id));
		return encoding.toUint8Array(update);
	}

	private entry(id: number): Uint8Array {
		const clock = this.awareness.meta.get(id)?.clock ?? 0;
		const state = this.awareness.states.get(id);
		if (state === undefined) return encodeEntry(id, clock, 'null');
		const cached = this.encoded.get(id);
		if (cached?.clock === clock) return cached.bytes;
		const bytes = encodeEntry(id, clock, JSON.stringify(state));
		this.encoded.set(id, { clock, bytes });
		return bytes;
	}

	destroy(): void {
		if (this.timer) clearTimeout(this.timer);
		this.encoded.clear();
		this.awareness.destroy();
	}
}

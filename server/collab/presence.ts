// A document's awareness (who is here, where their cursor is): applied as it arrives,
// sent to every peer once per tick, and removed when a peer leaves. In a cluster, what this
// node's peers change is also sent to the other nodes once per tick, and theirs is applied
// here: each node speaks only for its own clients, so nothing is echoed back.
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode, MAX_AWARENESS_BYTES, MessageType } from '../../shared/collab';
import { ProtocolError, type Peer } from './peer';

const TICK_MS = 30;
/** Origin of awareness another node sent. */
const REMOTE = Symbol('remote awareness');
/** Origin of the removals made when one of this node's peers leaves. */
const LEFT = Symbol('peer left');

export class Presence {
	readonly awareness: awarenessProtocol.Awareness;
	/** The awareness client ids each peer controls, removed when it leaves. */
	private owned = new Map<Peer, Set<number>>();
	/** Ids whose state changed since the last tick, for the local peers. */
	private changed = new Set<number>();
	/** Of those, the ones this node speaks for, for the other nodes. */
	private changedHere = new Set<number>();
	private timer: NodeJS.Timeout | null = null;

	constructor(
		doc: Y.Doc,
		private readonly peers: () => Iterable<Peer>,
		/** Sends an awareness update to the other nodes (none when alone). */
		private readonly toCluster: ((update: Uint8Array) => void) | null = null
	) {
		this.awareness = new awarenessProtocol.Awareness(doc);
		// The server holds no awareness state of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			const ids = [...added, ...updated, ...removed];
			for (const id of ids) this.changed.add(id);
			const owner = this.owned.get(origin as Peer);
			if (owner) {
				for (const id of added) owner.add(id);
				for (const id of removed) owner.delete(id);
			}
			// Expiry ('timeout') happens on every node by itself; remote changes came from there.
			if (owner || origin === LEFT) for (const id of ids) this.changedHere.add(id);
			this.timer ??= setTimeout(() => this.flush(), TICK_MS);
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
		if (ids?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], LEFT);
	}

	receive(peer: Peer, update: Uint8Array): void {
		if (update.byteLength > MAX_AWARENESS_BYTES) throw new ProtocolError(CloseCode.tooLarge, 'awareness state too large');
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
	}

	/** Applies awareness another node sent about its clients. */
	applyRemote(update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
	}

	/** Sends the states of this node's clients to the other nodes (one just opened the document). */
	announce(): void {
		const ids = [...this.owned.values()].flatMap((set) => [...set]);
		if (ids.length && this.toCluster) this.toCluster(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
	}

	private flush(): void {
		this.timer = null;
		const ids = [...this.changed];
		const here = [...this.changedHere];
		this.changed.clear();
		this.changedHere.clear();
		if (ids.length > 0) {
			const message = this.message(ids);
			for (const peer of this.peers()) peer.send(message);
		}
		if (here.length > 0 && this.toCluster) this.toCluster(awarenessProtocol.encodeAwarenessUpdate(this.awareness, here));
	}

	private message(ids: number[]): Uint8Array {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageType.awareness);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
		return encoding.toUint8Array(encoder);
	}

	destroy(): void {
		if (this.timer) clearTimeout(this.timer);
		this.awareness.destroy();
	}
}

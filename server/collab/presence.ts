// A document's awareness (who is here, where their cursor is): applied as it arrives,
// sent to every peer once per tick, and removed when a peer leaves.
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode, MAX_AWARENESS_BYTES, MessageType } from '../../shared/collab';
import { ProtocolError, type Peer } from './peer';

const TICK_MS = 30;

export class Presence {
	readonly awareness: awarenessProtocol.Awareness;
	/** The awareness client ids each peer controls, removed when it leaves. */
	private owned = new Map<Peer, Set<number>>();
	private changed = new Set<number>();
	private timer: NodeJS.Timeout | null = null;

	constructor(
		doc: Y.Doc,
		private readonly peers: () => Iterable<Peer>
	) {
		this.awareness = new awarenessProtocol.Awareness(doc);
		// The server holds no awareness state of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			for (const id of [...added, ...updated, ...removed]) this.changed.add(id);
			const ids = this.owned.get(origin as Peer);
			if (ids) {
				for (const id of added) ids.add(id);
				for (const id of removed) ids.delete(id);
			}
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
		if (ids?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
	}

	receive(peer: Peer, update: Uint8Array): void {
		if (update.byteLength > MAX_AWARENESS_BYTES) throw new ProtocolError(CloseCode.tooLarge, 'awareness state too large');
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
	}

	private flush(): void {
		this.timer = null;
		const ids = [...this.changed];
		this.changed.clear();
		if (ids.length === 0) return;
		const message = this.message(ids);
		for (const peer of this.peers()) peer.send(message);
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

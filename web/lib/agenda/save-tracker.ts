// Knows whether every local edit is saved: the server sends its state vector after each
// write (the "saved" message); we are saved when it covers our own state vector.
import * as Y from 'yjs';

/** True when every clock in `local` is covered by `saved`. */
export function covers(saved: Map<number, number>, local: Map<number, number>): boolean {
	for (const [client, clock] of local) if ((saved.get(client) ?? 0) < clock) return false;
	return true;
}

export class SaveTracker {
	private saved = new Map<number, number>();
	/** What the server said it has when we connected (its sync step 1): not saved for us,
	 * but nothing a read-only client need wait for either. */
	private held = new Map<number, number>();
	constructor(private readonly doc: Y.Doc) {}

	/** Records the state vector of the server's sync step 1. */
	serverHas(stateVector: Uint8Array): void {
		for (const [client, clock] of Y.decodeStateVector(stateVector)) {
			if (clock > (this.held.get(client) ?? 0)) this.held.set(client, clock);
		}
	}

	/** Records the server's state vector from a "saved" message. */
	acknowledge(stateVector: Uint8Array): void {
		for (const [client, clock] of Y.decodeStateVector(stateVector)) {
			if (clock > (this.saved.get(client) ?? 0)) this.saved.set(client, clock);
		}
	}

	/** Records an update that came from the server: it relays only what it has stored. */
	received(update: Uint8Array): void {
		for (const [client, clock] of Y.parseUpdateMeta(update).to) {
			if (clock > (this.saved.get(client) ?? 0)) this.saved.set(client, clock);
		}
	}

	get allSaved(): boolean {
		return covers(this.saved, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
	}

	/** True when the server has everything here, saved by us or held already: for a client
	 * whose edits the server no longer takes, anything beyond that is an edit it will refuse. */
	get nothingNew(): boolean {
		const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		for (const [client, clock] of local) if (Math.max(this.saved.get(client) ?? 0, this.held.get(client) ?? 0) < clock) return false;
		return true;
	}
}

// Loads each document once and hands out leases on its Room; the registry alone decides
// when a room leaves memory: a grace period after its last lease was released.
import { Room } from './room';
import type { DocumentStore } from './store';
import type { DocumentRelay } from './relay';

/** How long a room nobody holds stays in memory in case someone comes back. */
const IDLE_MS = 15_000;

/** A hold on a document's room (a connection, a server-side change): while any is held the
 * room stays loaded. Release it exactly once when done; a second release does nothing. */
export interface RoomLease {
	readonly room: Room;
	release(): void;
}

export class RoomRegistry {
	private rooms = new Map<string, Promise<Room>>();
	/** Rooms that finished loading, to tell an old room from its replacement. */
	private live = new Map<string, Room>();
	private idleTimers = new Map<string, NodeJS.Timeout>();
	/** How many leases each loaded room has out. */
	private holds = new Map<Room, number>();
	/** Per document, how many times its readers' rights changed (never pruned: a number per
	 * document whose rights changed while this process ran). */
	private epochs = new Map<string, number>();

	constructor(
		private readonly store: DocumentStore,
		private readonly onError: (error: unknown) => void = console.error,
		private readonly relay: DocumentRelay | null = null,
		private readonly idleMs = IDLE_MS
	) {
		relay?.onControl((name, action) => {
			if (action === 'reconnect') this.rightsChanged(name);
		});
		relay?.onGap(() => {
			for (const room of this.rooms.values()) void room.then((r) => r.catchUp()).catch(this.onError);
		});
	}

	/** A lease on the document's room, loading it from the store on first use. */
	async acquire(name: string): Promise<RoomLease> {
		const room = await this.open(name);
		this.holds.set(room, (this.holds.get(room) ?? 0) + 1);
		// A release elsewhere may have started the grace period while this one waited.
		this.cancelEviction(name);
		let released = false;
		return {
			room,
			release: () => {
				if (released) return;
				released = true;
				this.release(room);
			}
		};
	}

	private release(room: Room): void {
		const left = (this.holds.get(room) ?? 1) - 1;
		if (left > 0) return void this.holds.set(room, left);
		this.holds.delete(room);
		this.scheduleEviction(room);
	}

	/** The room for a document, loading it from the store on first use. */
	private open(name: string): Promise<Room> {
		this.cancelEviction(name);
		let room = this.rooms.get(name);
		if (!room) {
			const created = new Room(name, this.store, this.onError, this.relay, (broken) => this.forget(broken));
			room = (async () => {
				// Listen to the other nodes before reading the database, so no update falls
				// between the two; one that arrives twice is harmless to Yjs.
				await this.relay?.join(name, {
					update: (update) => created.applyRemote(update),
					awareness: (update) => created.presence.applyRemote(update),
					awarenessWanted: () => created.presence.announce()
				});
				await created.load();
				this.live.set(name, created);
				// Who is already here on other nodes, without waiting for their next renewal.
				this.relay?.requestAwareness(name);
				return created;
			})();
			// A failed load is not cached: the next connection tries again.
			room.catch(() => {
				this.rooms.delete(name);
				void this.relay?.leave(name).catch(this.onError);
			});
			this.rooms.set(name, room);
		}
		return room;
	}

	/** Drops a room that gave up after a failed write; the next open reloads it. */
	private forget(room: Room): void {
		if (this.live.get(room.name) !== room) return;
		this.live.delete(room.name);
		this.rooms.delete(room.name);
		this.cancelEviction(room.name);
		void this.relay?.leave(room.name).catch(this.onError);
	}

	/** After a room's last lease: it is closed after a grace period unless leased again. */
	private scheduleEviction(room: Room): void {
		if (this.live.get(room.name) !== room) return; // already replaced or forgotten
		this.cancelEviction(room.name);
		const timer = setTimeout(() => {
			this.idleTimers.delete(room.name);
			if (this.holds.has(room) || this.live.get(room.name) !== room) return;
			this.rooms.delete(room.name);
			this.live.delete(room.name);
			void this.relay?.leave(room.name).catch(this.onError);
			room.close().catch(this.onError);
		}, this.idleMs);
		timer.unref();
		this.idleTimers.set(room.name, timer);
	}

	private cancelEviction(name: string): void {
		const timer = this.idleTimers.get(name);
		if (timer) clearTimeout(timer);
		this.idleTimers.delete(name);
	}

	/** The loaded room of a document, if this node has it open. */
	loaded(name: string): Room | undefined {
		return this.live.get(name);
	}

	/** The document's rights epoch. A connection captures it before it is authorised and
	 * checks it once it joined the room: if it moved, the rights it was given may be stale
	 * (the meeting closed meanwhile) and the connection must be authorised again. */
	rightsEpoch(name: string): number {
		return this.epochs.get(name) ?? 0;
	}

	/** The rights on a document changed: its local clients reconnect, and connections
	 * being authorised right now will too (see rightsEpoch). */
	rightsChanged(name: string): void {
		this.epochs.set(name, this.rightsEpoch(name) + 1);
		this.live.get(name)?.reconnectAll('rights changed');
	}

	/** Tells the other nodes to reconnect the clients of a document. */
	async announceReconnect(name: string): Promise<void> {
		await this.relay?.control(name, 'reconnect');
	}

	/** Loaded rooms and the edits they hold that are not stored yet (for metrics). */
	stats(): { open: number; queued: number } {
		let queued = 0;
		for (const room of this.live.values()) queued += room.queued;
		return { open: this.rooms.size, queued };
	}

	/** Rooms currently in memory (loaded or loading). */
	get size(): number {
		return this.rooms.size;
	}

	/** Flushes and closes every room (server shutdown). */
	async closeAll(): Promise<void> {
		for (const timer of this.idleTimers.values()) clearTimeout(timer);
		this.idleTimers.clear();
		this.holds.clear();
		const rooms = await Promise.allSettled(this.rooms.values());
		this.rooms.clear();
		this.live.clear();
		await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
	}
}

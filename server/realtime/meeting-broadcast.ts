// What a node sends its own sockets in a live meeting's room. Each node keeps, per meeting
// its sockets follow, the room as it last sent it (state, presence and a tag); after a
// change it reads what changed and sends its sockets a patch from that view (the long
// lists as differences, shared/meeting-state.ts). A joiner is answered with the view
// itself, so its next patch always applies. With 500 people in the room a check-in is then
// a few hundred bytes to each, not a 100 KB snapshot.
//
// Patches go to this node's sockets only (`io.local`), because each node's sockets hold
// that node's view. A change made here is announced to the other nodes (serverSideEmit
// through the Redis adapter), and each sends its own patch. Reads are coalesced per
// meeting (server/realtime/coalesced.ts): changes that arrive while one is read and sent
// are folded into the next.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PresenceEntry } from '../../shared/acks';
import { meetingPatch, type MeetingRoomView } from '../../shared/meeting-state';
import type { Db } from '../db/client';
import { meetingState } from '../domain/meetings/state';
import { broadcastGapMs, coalesced } from './coalesced';
import { isClustered, type RealtimeServer } from './realtime-server';
import { localReceivers, meetingRoom } from './rooms';

/** Which parts of the room changed: the meeting's state (read from the database) or who is in it. */
export const RoomParts = z.object({ state: z.boolean().optional(), presence: z.boolean().optional() });
export type RoomParts = z.infer<typeof RoomParts>;

/** How long other nodes have to say who of theirs is in a room, and when to ask again. */
const PRESENCE_TIMEOUT_MS = 2000;
const PRESENCE_RETRY_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Followed {
	/** What this node's sockets were last sent; null until the first read. */
	view: MeetingRoomView | null;
	dirty: { state: boolean; presence: boolean };
	/** Send the whole room rather than a patch (after a gap in the cluster's relay). */
	whole: boolean;
}

export class MeetingBroadcaster {
	private readonly followed = new Map<string, Followed>();
	private readonly request: (meetingId: string) => Promise<void>;
	private readonly node = randomUUID().slice(0, 8);
	private seq = 0;

	constructor(
		private readonly io: RealtimeServer,
		private readonly db: Db,
		private readonly onError: (error: unknown) => void
	) {
		this.request = coalesced(
			(id) => this.send(id),
			(id) => broadcastGapMs(localReceivers(io, [meetingRoom(id)]))
		);
		// Another node changed a meeting: this node's sockets in it get their own patch.
		io.on('meeting:changed', (meetingId: unknown, parts: unknown) => {
			const id = z.string().max(64).safeParse(meetingId);
			const what = RoomParts.safeParse(parts);
			if (!id.success || !what.success || localReceivers(io, [meetingRoom(id.data)]) === 0) return;
			void this.refresh(id.data, what.data).catch(onError);
		});
	}

	/** Something in the meeting changed on this node. Resolves once this node's sockets were
	 * sent a view that includes it; the other nodes are told to send theirs. */
	changed(meetingId: string, parts: RoomParts): Promise<void> {
		if (isClustered(this.io)) this.io.serverSideEmit('meeting:changed', meetingId, parts);
		return this.refresh(meetingId, parts);
	}

	/** The room as this node's sockets hold it, read afresh, for a socket that just joined
	 * the room (its own presence included). */
	async joined(meetingId: string): Promise<MeetingRoomView> {
		if (isClustered(this.io)) this.io.serverSideEmit('meeting:changed', meetingId, { presence: true });
		await this.refresh(meetingId, { state: true, presence: true });
		const view = this.followed.get(meetingId)?.view;
		// Gone only if the joiner's socket left the room meanwhile.
		if (!view) throw new Error('the socket left the meeting while joining');
		return view;
	}

	/** Sends every meeting this node's sockets follow whole again, read afresh (after a gap
	 * in the cluster's relay, a change another node announced may never have arrived). */
	resendAll(): Promise<void>[] {
		const prefix = meetingRoom('');
		const out: Promise<void>[] = [];
		for (const [room, sockets] of this.io.of('/').adapter.rooms) {
			if (sockets.size === 0 || !room.startsWith(prefix)) continue;
			out.push(this.refresh(room.slice(prefix.length), { state: true, presence: true }, true));
		}
		return out;
	}

	private refresh(meetingId: string, parts: RoomParts, whole = false): Promise<void> {
		let f = this.followed.get(meetingId);
		if (!f) {
			f = { view: null, dirty: { state: false, presence: false }, whole: false };
			this.followed.set(meetingId, f);
		}
		f.dirty.state ||= parts.state === true;
		f.dirty.presence ||= parts.presence === true;
		f.whole ||= whole;
		return this.request(meetingId);
	}

	private async send(meetingId: string): Promise<void> {
		const f = this.followed.get(meetingId);
		if (!f) return;
		const { view: before, dirty, whole } = f;
		f.dirty = { state: false, presence: false };
		f.whole = false;
		let state: MeetingRoomView['state'];
		let present: PresenceEntry[];
		try {
			[state, present] = await Promise.all([
				dirty.state || !before ? meetingState(this.db, meetingId) : before.state,
				dirty.presence || !before ? this.presence(meetingId, before) : before.present
			]);
		} catch (error) {
			// Nothing was sent: the next change reads these parts again.
			f.dirty.state ||= dirty.state;
			f.dirty.presence ||= dirty.presence;
			f.whole ||= whole;
			throw error;
		}
		// The clock as of sending, also when only the presence was read: browsers set theirs by it.
		state = { ...state, serverNow: new Date().toISOString() };
		const room = this.io.local.to(meetingRoom(meetingId));
		const tag = `${this.node}:${++this.seq}`;
		const next: MeetingRoomView = { state, present, tag };
		if (!before || whole) {
			// The first read has no one to patch: the joiner that caused it is answered with it.
			if (whole) room.emit('meeting:room', { ...next, meetingId });
			f.view = next;
		} else {
			const patch = meetingPatch(before, next, tag);
			if (patch) {
				room.emit('meeting:patch', patch);
				f.view = next;
			}
		}
		if (localReceivers(this.io, [meetingRoom(meetingId)]) === 0 && !f.dirty.state && !f.dirty.presence) this.followed.delete(meetingId);
	}

	/** Who is in the room on every node, one entry per user. A node that does not answer
	 * (the cluster's relay is down, or it is restarting) must not hold up the meeting's
	 * state: until the list can be gathered again, the room keeps what it had (or this
	 * node's own sockets) and asks again shortly. */
	private async presence(meetingId: string, before: MeetingRoomView | null): Promise<PresenceEntry[]> {
		const room = meetingRoom(meetingId);
		let sockets;
		try {
			// Bounded here: with Redis away the adapter waits for its broker without a timeout.
			sockets = await withTimeout(this.io.in(room).fetchSockets(), PRESENCE_TIMEOUT_MS, 'gathering presence timed out');
		} catch (error) {
			this.onError(error);
			setTimeout(() => void this.refresh(meetingId, { presence: true }).catch(this.onError), PRESENCE_RETRY_MS).unref();
			if (before) return before.present;
			sockets = await this.io.local.in(room).fetchSockets();
		}
		const byUser = new Map<string, PresenceEntry>();
		for (const s of sockets) {
			const entry = s.data.meetings?.[meetingId];
			if (entry) byUser.set(entry.userId, entry);
		}
		return [...byUser.values()];
	}
}

const broadcasters = new WeakMap<RealtimeServer, MeetingBroadcaster>();

/** The server's one broadcaster (made on first use). */
export function meetingBroadcaster(io: RealtimeServer, db: Db, onError: (error: unknown) => void = console.error): MeetingBroadcaster {
	let b = broadcasters.get(io);
	if (!b) {
		b = new MeetingBroadcaster(io, db, onError);
		broadcasters.set(io, b);
	}
	return b;
}

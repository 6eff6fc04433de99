// A meeting's vote state, sent to everyone watching it: the meeting's room (clients that
// joined the live meeting) and the votes room (clients that only watch the votes), once for
// all the ballots that arrived while the previous one was being read and sent.
import type { Db } from '../db/client';
import { votingState } from '../domain/proposals/voting-state';
import { broadcastGapMs, coalesced } from './coalesced';
import type { RealtimeServer } from './realtime-server';
import { localReceivers, meetingRoom, votesRoom } from './rooms';

const voteBroadcasts = new WeakMap<RealtimeServer, (meetingId: string) => Promise<void>>();

/** Sends the meeting's vote state to everyone watching it, once for all the ballots that
 * arrived while the previous one was going out (server/realtime/coalesced.ts); resolves once
 * a state that includes the caller's change was sent. */
export function broadcastVotes(io: RealtimeServer | null, db: Db, meetingId: string): Promise<void> {
	if (!io) return Promise.resolve();
	let request = voteBroadcasts.get(io);
	if (!request) {
		const rooms = (id: string) => [meetingRoom(id), votesRoom(id)];
		request = coalesced(
			// One emit to both rooms: a socket in both receives it once.
			async (id) => void io.to(rooms(id)).emit('vote:state', await votingState(db, id)),
			(id) => broadcastGapMs(localReceivers(io, rooms(id)))
		);
		voteBroadcasts.set(io, request);
	}
	return request(meetingId);
}

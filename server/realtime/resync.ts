// After a gap in the cluster's relay (Redis restarted, or this node's subscriber lost its
// connection), a broadcast another node sent meanwhile may never have reached this node's
// sockets, and nothing on the client notices: its socket never dropped. So each node, once
// its subscriptions are back, re-reads every meeting its own sockets follow and sends the
// meeting's state and vote state to those sockets only (each node does the same for its
// own). Clients keep a snapshot unless a newer version already arrived, so a repeat of what
// they have is harmless.
import type { Db } from '../db/client';
import { meetingState } from '../domain/meetings/state';
import { votingState } from '../domain/proposals/voting-state';
import { broadcastPresence } from './meeting-room';
import { meetingRoom, votesRoom } from './rooms';
import type { RealtimeServer } from './realtime-server';

/** How many meetings are re-read at once (a node may follow many; the pool is small). */
const CONCURRENCY = 4;

/** Meetings with local sockets in their meeting room or votes room. */
function followedMeetings(io: RealtimeServer): { meetings: Set<string>; votes: Set<string> } {
	const meetings = new Set<string>();
	const votes = new Set<string>();
	const meetingPrefix = meetingRoom('');
	const votesPrefix = votesRoom('');
	// The adapter's rooms are this node's own sockets, with the Redis adapter too.
	for (const [room, sockets] of io.of('/').adapter.rooms) {
		if (sockets.size === 0) continue;
		if (room.startsWith(meetingPrefix)) meetings.add(room.slice(meetingPrefix.length));
		else if (room.startsWith(votesPrefix)) votes.add(room.slice(votesPrefix.length));
	}
	return { meetings, votes };
}

/** Sends every followed meeting's current state and vote state to this node's sockets. */
export async function resendLiveState(io: RealtimeServer, db: Db, onError: (error: unknown) => void): Promise<void> {
	const { meetings, votes } = followedMeetings(io);
	const queue = [...new Set([...meetings, ...votes])];
	const resend = async (meetingId: string) => {
		try {
			if (meetings.has(meetingId)) {
				io.local.to(meetingRoom(meetingId)).emit('meeting:state', await meetingState(db, meetingId));
			}
			io.local.to([meetingRoom(meetingId), votesRoom(meetingId)]).emit('vote:state', await votingState(db, meetingId));
		} catch (error) {
			onError(error);
		}
	};
	const worker = async () => {
		for (let id = queue.shift(); id !== undefined; id = queue.shift()) await resend(id);
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	// Presence last (it asks every node, and a node not yet back answers late): gathered from
	// the whole cluster and sent to all, so the last node to come back, seeing everyone,
	// corrects what the others sent while it was away.
	await Promise.all([...meetings].map((id) => broadcastPresence(io, id).catch(onError)));
}

// After a gap in the cluster's relay (Redis restarted, or this node's subscriber lost its
// connection), a change another node announced or a vote state it sent meanwhile may never
// have reached this node's sockets, and nothing on the client notices: its socket never
// dropped. So each node, once its subscriptions are back, re-reads every meeting its own
// sockets follow and sends those sockets the whole room and the vote state (each node does
// the same for its own). A repeat of what a client has is harmless.
import type { Db } from '../db/client';
import { votingState } from '../domain/proposals/voting-state';
import { meetingBroadcaster } from './meeting-broadcast';
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
			io.local.to([meetingRoom(meetingId), votesRoom(meetingId)]).emit('vote:state', await votingState(db, meetingId));
		} catch (error) {
			onError(error);
		}
	};
	const worker = async () => {
		for (let id = queue.shift(); id !== undefined; id = queue.shift()) await resend(id);
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	// The rooms whole, with presence gathered from the whole cluster (the meeting broadcaster
	// reads them one meeting at a time, folded as every change is), and announced to the
	// other nodes so that the last node to come back, seeing everyone, corrects the others.
	const rooms = meetingBroadcaster(io, db, onError);
	await Promise.all(rooms.resendAll().map((sent) => sent.catch(onError)));
	for (const id of meetings) void rooms.changed(id, { presence: true }).catch(onError);
}

// Votes in a live meeting over Socket.IO. Handlers validate the payload (shared/vote-events),
// call the domain (server/domain/proposals/voting.ts decides and authorises), and send the
// meeting's new vote state to everyone watching: the meeting's room (clients that joined the
// live meeting) and the votes room (clients that only watch the votes).
import { BallotPayload, ConsensusPayload, VoteClosePayload, VoteOpenPayload, VoteWatchPayload } from '../../shared/vote-events';
import type { Db } from '../db/client';
import { decideByConsensus } from '../domain/proposals/decisions';
import { castBallot, closeVote, openVote, watchVotes } from '../domain/proposals/voting';
import { votingState } from '../domain/proposals/voting-state';
import { localReceivers, meetingRoom, votesRoom } from './rooms';
import { broadcastGapMs, coalesced } from './coalesced';
import { handled, type RealtimeFeature, type RealtimeServer } from './realtime-server';

export { votesRoom } from './rooms';

const voteBroadcasts = new WeakMap<RealtimeServer, (meetingId: string) => Promise<void>>();

/** Sends the meeting's vote state to everyone watching it, once for all the ballots that
 * arrived while the previous one was going out (server/realtime/coalesced.ts); resolves once
 * a state that includes the caller's change was sent. Pages call it too after a form action
 * changed a vote. */
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

export const voting: RealtimeFeature = (socket, io, { db, onError }) => {
	const { actor } = socket.data;
	/** A change, then the new state to the rooms; the change is committed first, so a failed broadcast is only logged. */
	const change = <T extends object>(meetingId: string, run: () => Promise<T>) =>
		run().then(async (result) => {
			await broadcastVotes(io, db, meetingId).catch(onError);
			return result;
		});

	socket.on(
		'vote:watch',
		handled(
			VoteWatchPayload,
			async ({ meetingId }) => {
				// NOT_FOUND for anyone who may not read the meeting, before joining any room.
				const watched = await watchVotes(db, actor, meetingId);
				await socket.join(votesRoom(meetingId));
				return watched;
			},
			onError
		)
	);
	socket.on(
		'vote:open',
		handled(VoteOpenPayload, (p) => change(p.meetingId, () => openVote(db, actor, p)), onError)
	);
	socket.on(
		'vote:cast',
		handled(BallotPayload, (p) => change(p.meetingId, () => castBallot(db, actor, p)), onError)
	);
	socket.on(
		'vote:close',
		handled(VoteClosePayload, (p) => change(p.meetingId, () => closeVote(db, actor, p)), onError)
	);
	socket.on(
		'vote:consensus',
		handled(ConsensusPayload, (p) => change(p.meetingId, () => decideByConsensus(db, actor, p)), onError)
	);
};

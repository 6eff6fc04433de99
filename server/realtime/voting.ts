// Votes in a live meeting over Socket.IO. Handlers validate the payload (shared/vote-events),
// call the domain (server/domain/proposals/voting.ts decides and authorises), and hand the
// change it reports to the live rooms (live-rooms.ts), which send the new vote state to
// everyone watching.
import { BallotPayload, ConsensusPayload, VoteClosePayload, VoteOpenPayload, VoteWatchPayload } from '../../shared/vote-events';
import { decideByConsensus } from '../domain/proposals/decisions';
import { castBallot, closeVote, openVote, watchVotes } from '../domain/proposals/voting';
import type { VotesChanged } from '../domain/changes';
import { liveRooms } from './live-rooms';
import { handled, type RealtimeFeature } from './realtime-server';
import { votesRoom } from './rooms';

export const voting: RealtimeFeature = (events, io, { db, onError }) => {
	const live = liveRooms(io, db, onError);
	/** The domain's change goes to the live rooms (committed, so a failed broadcast is only
	 * logged, there); the caller is answered with what the change carries besides. */
	const change = async <T extends VotesChanged>(run: () => Promise<T>) => {
		const done = await run();
		await live.publish(done);
		const { kind: _kind, meetingId: _meetingId, ...answer } = done;
		return answer;
	};

	events.on(
		'vote:watch',
		handled(
			VoteWatchPayload,
			async ({ meetingId }, socket) => {
				// NOT_FOUND for anyone who may not read the meeting, before joining any room.
				const watched = await watchVotes(db, socket.data.actor, meetingId);
				await socket.join(votesRoom(meetingId));
				return watched;
			},
			onError
		)
	);
	events.on(
		'vote:open',
		handled(VoteOpenPayload, (p, socket) => change(() => openVote(db, socket.data.actor, p)), onError)
	);
	events.on(
		'vote:cast',
		handled(BallotPayload, (p, socket) => change(() => castBallot(db, socket.data.actor, p)), onError)
	);
	events.on(
		'vote:close',
		handled(VoteClosePayload, (p, socket) => change(() => closeVote(db, socket.data.actor, p)), onError)
	);
	events.on(
		'vote:consensus',
		handled(ConsensusPayload, (p, socket) => change(() => decideByConsensus(db, socket.data.actor, p)), onError)
	);
};

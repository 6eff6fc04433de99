// A proposal's page follows its discussion: whoever may read the proposal joins its room and
// is told when a comment is written, answered, edited or hidden (live-rooms.ts), then reads
// it again over HTTP with their own rights. Writing goes through the page's form actions.
import { DiscussionRef } from '../../shared/discussion';
import { findProposal } from '../domain/proposals/proposal-access';
import { handled, type RealtimeFeature } from './realtime-server';
import { discussionRoom } from './rooms';

export const discussionLive: RealtimeFeature = (events, _io, { db, onError }) => {
	events.on(
		'discussion:watch',
		handled(
			DiscussionRef,
			async ({ proposalId }, socket) => {
				await findProposal(db, socket.data.actor, proposalId);
				await socket.join(discussionRoom(proposalId));
				return {};
			},
			onError
		)
	);
	events.on(
		'discussion:unwatch',
		handled(
			DiscussionRef,
			async ({ proposalId }, socket) => {
				await socket.leave(discussionRoom(proposalId));
				return {};
			},
			onError
		)
	);
};

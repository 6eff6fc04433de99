// The one publisher: what the domain reports it changed (server/domain/changes.ts) becomes
// what each live room is sent. Socket handlers, pages' form actions and jobs all hand their
// changes here, once committed, and never send to a room themselves; so a failed broadcast
// is logged, never thrown at the caller. One per Socket.IO server, made on first use, so
// the sockets' features and the pages (a separate module graph, reached through
// locals.services.live) share its broadcasters.
import type { Db } from '../db/client';
import type { DomainChange } from '../domain/changes';
import type { Notice } from '../domain/action-items/notifications';
import { deliverNotices, publishActionItemChange } from './action-item-broadcast';
import { meetingBroadcaster } from './meeting-broadcast';
import type { RealtimeServer } from './realtime-server';
import { discussionRoom, userRoom } from './rooms';
import { broadcastVotes } from './vote-broadcast';

export interface LiveRooms {
	/** Tells everyone concerned by a committed change; resolves once this node's sockets were
	 * sent a state that includes it. */
	publish(change: DomainChange): Promise<void>;
	/** Delivers notifications a job made (reminders), each with its user's unread count. */
	notify(notices: Notice[]): Promise<void>;
}

/** Until Socket.IO is attached (scripts, tests of pages alone) nobody is listening. */
export const noLiveRooms: LiveRooms = { publish: async () => {}, notify: async () => {} };

const made = new WeakMap<RealtimeServer, LiveRooms>();

export function liveRooms(io: RealtimeServer, db: Db, onError: (error: unknown) => void): LiveRooms {
	let live = made.get(io);
	if (live) return live;
	const meetings = meetingBroadcaster(io, db, onError);
	const logged = (sent: Promise<void>) => sent.catch(onError);
	const send = async (change: DomainChange): Promise<void> => {
		switch (change.kind) {
			case 'meeting':
				// Whether votes may be held follows the meeting's status: the votes page's
				// watchers are not in the meeting's room, so they are told too.
				await Promise.all([
					logged(meetings.changed(change.meetingId, { state: true })),
					change.votes ? logged(broadcastVotes(io, db, change.meetingId)) : null
				]);
				return;
			case 'votes':
				return broadcastVotes(io, db, change.meetingId);
			case 'action-item':
				return publishActionItemChange(io, db, change);
			case 'discussion':
				// Each watcher reads the discussion again with its own rights (who may edit or hide what).
				io.to(discussionRoom(change.proposalId)).emit('discussion:changed', { proposalId: change.proposalId, commentId: change.commentId });
				return deliverNotices(io, db, change.notices);
			case 'unread':
				io.to(userRoom(change.userId)).emit('notification:unread', { unread: change.unread });
				return;
		}
	};
	live = {
		publish: (change) => send(change).catch(onError),
		notify: (notices) => deliverNotices(io, db, notices).catch(onError)
	};
	made.set(io, live);
	return live;
}

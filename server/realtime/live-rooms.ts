// What the rest of the server tells the live rooms after a change it committed (a page's
// form action, a job): one object, made once when Socket.IO is attached and handed to the
// pages through the app context, so that they share the sockets' broadcasters (the pages
// are a separate module graph) and never import server/realtime. A change is committed
// before it is announced, so a failed broadcast is logged, never thrown at the caller.
import type { Db } from '../db/client';
import type { ActionItemChange } from '../domain/action-items/change';
import { publishActionItemChange, userRoom } from './action-items';
import { meetingBroadcaster } from './meeting-broadcast';
import type { RealtimeServer } from './realtime-server';
import { broadcastVotes } from './voting';

export interface LiveRooms {
	/** A meeting's state changed (and, with `votes`, whether votes may be held): everyone in
	 * its room hears. Resolves once this node's sockets were sent it. */
	meetingChanged(meetingId: string, options?: { votes?: boolean }): Promise<void>;
	/** A meeting's votes changed: the meeting's room and the votes page hear. */
	votesChanged(meetingId: string): Promise<void>;
	/** An action item was made or changed: its meetings' follow-ups and whoever is notified. */
	actionItemChanged(change: ActionItemChange): Promise<void>;
	/** A user's unread notifications changed (they read some): their open tabs' bells. */
	unreadChanged(userId: string, unread: number): void;
}

/** Until Socket.IO is attached (scripts, tests of pages alone) nobody is listening. */
export const noLiveRooms: LiveRooms = {
	meetingChanged: async () => {},
	votesChanged: async () => {},
	actionItemChanged: async () => {},
	unreadChanged: () => {}
};

export function liveRooms(io: RealtimeServer, db: Db, onError: (error: unknown) => void): LiveRooms {
	const meetings = meetingBroadcaster(io, db, onError);
	const votesChanged = (meetingId: string) => broadcastVotes(io, db, meetingId).catch(onError);
	return {
		meetingChanged: async (meetingId, options = {}) => {
			await Promise.all([meetings.changed(meetingId, { state: true }).catch(onError), options.votes ? votesChanged(meetingId) : null]);
		},
		votesChanged,
		actionItemChanged: (change) => publishActionItemChange(io, db, change).catch(onError),
		unreadChanged: (userId, unread) => void io.to(userRoom(userId)).emit('notification:unread', { unread })
	};
}

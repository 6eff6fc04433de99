// Who hears about an action item's change: the users it notified (their bells, on every
// node), and whoever watches the follow-ups of the group's open meetings.
import type { Db } from '../db/client';
import type { ActionItemChanged } from '../domain/changes';
import { meetingFollowUps, openMeetings } from '../domain/action-items/carry-over';
import { unreadCount, type Notice } from '../domain/action-items/notifications';
import type { RealtimeServer } from './realtime-server';
import { followUpsRoom, meetingRoom, userRoom } from './rooms';

/** Delivers notifications to their users' rooms, each with the user's new unread count. */
export async function deliverNotices(io: RealtimeServer | null, db: Db, notices: Notice[]): Promise<void> {
	if (!io) return;
	for (const { userId, notification } of notices) {
		io.to(userRoom(userId)).emit('notification:new', { notification, unread: await unreadCount(db, userId) });
	}
}

/** Sends a meeting's fresh follow-ups to its room and to pages following them. */
export async function broadcastFollowUps(io: RealtimeServer | null, db: Db, meetingId: string): Promise<void> {
	if (!io) return;
	// One emit to both rooms: a socket in both receives it once.
	io.to([meetingRoom(meetingId), followUpsRoom(meetingId)]).emit('meeting:followups', await meetingFollowUps(db, meetingId));
}

/** The group's open meetings that someone is looking at right now, on any node: one
 * adapter round trip, so lists are read only for meetings with an audience. */
async function watchedMeetings(io: RealtimeServer, db: Db, groupId: string): Promise<string[]> {
	const open = await openMeetings(db, groupId);
	if (open.length === 0) return [];
	const byRoom = new Map(open.flatMap((id) => [[meetingRoom(id), id] as const, [followUpsRoom(id), id] as const]));
	const sockets = await io.in([...byRoom.keys()]).fetchSockets();
	const watched = new Set<string>();
	for (const s of sockets) for (const room of s.rooms) if (byRoom.has(room)) watched.add(byRoom.get(room)!);
	return [...watched];
}

/** After a committed change: notifications out, follow-ups refreshed wherever a meeting of the group is watched. */
export async function publishActionItemChange(io: RealtimeServer | null, db: Db, change: ActionItemChanged): Promise<void> {
	if (!io) return;
	await deliverNotices(io, db, change.notices);
	for (const meetingId of await watchedMeetings(io, db, change.groupId)) await broadcastFollowUps(io, db, meetingId);
}

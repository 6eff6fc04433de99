// Action items live: each connection joins its user's room (`user:<id>`) for the
// notification bell; a meeting page follows its follow-ups; owners report from a socket.
// After any change, `publishActionItemChange` tells the people concerned and refreshes the
// follow-ups of the group's live and next meetings. Rules live in server/domain/action-items.
import { FollowUpsRef, NotePayload, ReadPayload, StatusPayload } from '../../shared/action-item-events';
import type { Db } from '../db/client';
import type { ActionItemChange } from '../domain/action-items/change';
import { meetingFollowUps, openMeetings } from '../domain/action-items/carry-over';
import { markRead, unreadCount, type Notice } from '../domain/action-items/notifications';
import { addNote, changeStatus } from '../domain/action-items/status';
import { meetingAccess } from '../domain/meetings/meeting-access';
import { meetingRoom } from './rooms';
import { handled, type RealtimeFeature, type RealtimeServer } from './realtime-server';

export const userRoom = (userId: string) => `user:${userId}`;
/** Pages that show a meeting's follow-ups without joining its room (and its presence). */
export const followUpsRoom = (meetingId: string) => `followups:${meetingId}`;

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
export async function publishActionItemChange(io: RealtimeServer | null, db: Db, change: ActionItemChange): Promise<void> {
	if (!io) return;
	await deliverNotices(io, db, change.notices);
	for (const meetingId of await watchedMeetings(io, db, change.groupId)) await broadcastFollowUps(io, db, meetingId);
}

export const actionItemsLive: RealtimeFeature = (socket, io, { db, onError }) => {
	const { actor, name } = socket.data;
	// Every tab of a user hears their notifications, from any node (rooms go through the adapter).
	Promise.resolve(socket.join(userRoom(actor.userId))).catch(onError);

	/** A change: the domain decides, then everyone concerned hears about it. A failed
	 * broadcast is only logged: the change is already committed. */
	const change = (run: () => Promise<ActionItemChange>) => async () => {
		const done = await run();
		await publishActionItemChange(io, db, done).catch(onError);
		return {};
	};

	socket.on(
		'followups:watch',
		handled(
			FollowUpsRef,
			async ({ meetingId }) => {
				await meetingAccess(db, actor, meetingId);
				await socket.join(followUpsRoom(meetingId));
				return { followUps: await meetingFollowUps(db, meetingId) };
			},
			onError
		)
	);
	socket.on(
		'followups:unwatch',
		handled(
			FollowUpsRef,
			async ({ meetingId }) => {
				await socket.leave(followUpsRoom(meetingId));
				return {};
			},
			onError
		)
	);
	socket.on(
		'action:status',
		handled(StatusPayload, (p) => change(() => changeStatus(db, { ...actor, name }, p))(), onError)
	);
	socket.on(
		'action:note',
		handled(NotePayload, (p) => change(() => addNote(db, actor, p))(), onError)
	);
	socket.on(
		'notifications:read',
		handled(
			ReadPayload,
			async ({ ids }) => {
				const unread = await markRead(db, actor.userId, ids);
				// Other tabs of the same user update their bell too.
				socket.to(userRoom(actor.userId)).emit('notification:unread', { unread });
				return { unread };
			},
			onError
		)
	);
};

// Action items live: each connection joins its user's room (`user:<id>`) for the
// notification bell; a meeting page follows its follow-ups; owners report from a socket.
// Every change the domain reports goes to the live rooms (live-rooms.ts), which tell the
// people concerned and refresh the follow-ups of the group's open meetings. Rules live in
// server/domain/action-items.
import { FollowUpsRef, NotePayload, ReadPayload, StatusPayload } from '../../shared/action-item-events';
import type { DomainChange } from '../domain/changes';
import { meetingFollowUps } from '../domain/action-items/carry-over';
import { markRead } from '../domain/action-items/notifications';
import { addNote, changeStatus } from '../domain/action-items/status';
import { meetingAccess } from '../domain/meetings/meeting-access';
import { liveRooms } from './live-rooms';
import { handled, type RealtimeFeature } from './realtime-server';
import { followUpsRoom, userRoom } from './rooms';

export const actionItemsLive: RealtimeFeature = (events, io, { db, onError }) => {
	// Every tab of a user hears their notifications, from any node (rooms go through the adapter).
	events.connected((socket) => void Promise.resolve(socket.join(userRoom(socket.data.actor.userId))).catch(onError));

	const live = liveRooms(io, db, onError);
	/** A change: the domain decides, then the live rooms tell everyone concerned (a failed
	 * broadcast is only logged there: the change is already committed). */
	const change = (run: () => Promise<DomainChange>) => async () => {
		await live.publish(await run());
		return {};
	};

	events.on(
		'followups:watch',
		handled(
			FollowUpsRef,
			async ({ meetingId }, socket) => {
				await meetingAccess(db, socket.data.actor, meetingId);
				await socket.join(followUpsRoom(meetingId));
				return { followUps: await meetingFollowUps(db, meetingId) };
			},
			onError
		)
	);
	events.on(
		'followups:unwatch',
		handled(
			FollowUpsRef,
			async ({ meetingId }, socket) => {
				await socket.leave(followUpsRoom(meetingId));
				return {};
			},
			onError
		)
	);
	events.on(
		'action:status',
		handled(StatusPayload, (p, { data }) => change(() => changeStatus(db, { ...data.actor, name: data.name }, p))(), onError)
	);
	events.on(
		'action:note',
		handled(NotePayload, (p, socket) => change(() => addNote(db, socket.data.actor, p))(), onError)
	);
	events.on(
		'notifications:read',
		handled(
			ReadPayload,
			async ({ ids }, socket) => {
				const read = await markRead(db, socket.data.actor.userId, ids);
				// Every tab of the same user updates its bell.
				await live.publish(read);
				return { unread: read.unread };
			},
			onError
		)
	);
};

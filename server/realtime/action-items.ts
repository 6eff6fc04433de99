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

export const actionItemsLive: RealtimeFeature = (socket, io, { db, onError }) => {
	const { actor, name } = socket.data;
	// Every tab of a user hears their notifications, from any node (rooms go through the adapter).
	Promise.resolve(socket.join(userRoom(actor.userId))).catch(onError);

	const live = liveRooms(io, db, onError);
	/** A change: the domain decides, then the live rooms tell everyone concerned (a failed
	 * broadcast is only logged there: the change is already committed). */
	const change = (run: () => Promise<DomainChange>) => async () => {
		await live.publish(await run());
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
				const read = await markRead(db, actor.userId, ids);
				// Every tab of the same user updates its bell.
				await live.publish(read);
				return { unread: read.unread };
			},
			onError
		)
	);
};

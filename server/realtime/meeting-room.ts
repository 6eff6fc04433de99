// The live meeting over Socket.IO: joining (authorised, answered with the whole room), the
// moderator's and members' actions, and a patch to the room after each change.
// Handlers only validate, call the domain and broadcast; every rule lives in
// server/domain/meetings.
import type { z } from 'zod';
import {
	AttendancePayload,
	CheckInPayload,
	CurrentItemPayload,
	HandPayload,
	MeetingRef,
	QueuePayload,
	TimerPayload
} from '../../shared/meeting-events';
import type { Db } from '../db/client';
import type { Actor } from '../domain/access';
import { checkIn, markAttendance } from '../domain/meetings/attendance';
import { closeMeetingAndFreezeAgenda, setCurrentItem, startMeeting } from '../domain/meetings/lifecycle';
import { raiseHand, runQueue } from '../domain/meetings/queue';
import { meetingViewer } from '../domain/meetings/state';
import { runTimer } from '../domain/meetings/timer';
import { meetingBroadcaster } from './meeting-broadcast';
import { meetingRoom } from './rooms';
import { broadcastVotes } from './voting';

export { meetingRoom } from './rooms';
import { handled, type RealtimeFeature, type RealtimeServer } from './realtime-server';

/** Sends the meeting's new state to everyone in its room, on every node, once for all the
 * changes that arrived while the previous one was going out (server/realtime/meeting-broadcast.ts).
 * Resolves once this node's sockets were sent a state that includes the caller's change.
 * Pages call it too after a form action changed a meeting. */
export function broadcastMeetingState(io: RealtimeServer | null, db: Db, meetingId: string): Promise<void> {
	if (!io) return Promise.resolve();
	return meetingBroadcaster(io, db).changed(meetingId, { state: true });
}

type Change<S extends z.ZodType> = (db: Db, actor: Actor, payload: z.infer<S>) => Promise<number>;

export const meetingLive: RealtimeFeature = (socket, io, { db, documents, onError }) => {
	const { actor, name } = socket.data;
	const room = meetingBroadcaster(io, db, onError);
	const announce = (meetingId: string) => void room.changed(meetingId, { presence: true }).catch(onError);

	/** An action: the domain authorises and applies it; then the room gets the new state.
	 * The change is committed before the broadcast, so a failed broadcast is only logged. */
	const action = <S extends z.ZodType<{ meetingId: string }>>(schema: S, change: Change<S>, opts: { votes?: boolean } = {}) =>
		handled(
			schema,
			async (payload: z.infer<S>) => {
				const version = await change(db, actor, payload);
				await Promise.all([
					broadcastMeetingState(io, db, payload.meetingId).catch(onError),
					// Whether votes may be held follows the meeting's status: the votes page's
					// watchers are not in the meeting's room, so they are told too.
					opts.votes ? broadcastVotes(io, db, payload.meetingId).catch(onError) : null
				]);
				return { version };
			},
			onError
		);

	socket.on(
		'meeting:join',
		handled(
			MeetingRef,
			async ({ meetingId }) => {
				// NOT_FOUND for anyone who may not read the meeting, before joining any room.
				const viewer = await meetingViewer(db, actor, meetingId);
				socket.data.meetings[meetingId] = { userId: actor.userId, name, side: viewer.side };
				await socket.join(meetingRoom(meetingId));
				// The room as this node's sockets hold it: its next patches apply to it.
				return { ...(await room.joined(meetingId)), viewer };
			},
			onError
		)
	);
	socket.on(
		'meeting:leave',
		handled(
			MeetingRef,
			async ({ meetingId }) => {
				delete socket.data.meetings[meetingId];
				await socket.leave(meetingRoom(meetingId));
				announce(meetingId);
				return {};
			},
			onError
		)
	);
	socket.on('meeting:start', action(MeetingRef, startMeeting, { votes: true }));
	socket.on(
		'meeting:close',
		action(MeetingRef, (db, actor, ref) => closeMeetingAndFreezeAgenda(db, documents, actor, ref), { votes: true })
	);
	socket.on('meeting:current', action(CurrentItemPayload, setCurrentItem));
	socket.on('meeting:timer', action(TimerPayload, runTimer));
	socket.on('meeting:hand', action(HandPayload, raiseHand));
	socket.on('meeting:queue', action(QueuePayload, runQueue));
	socket.on('meeting:checkin', action(CheckInPayload, checkIn));
	socket.on('meeting:attendance', action(AttendancePayload, markAttendance));
	socket.on('disconnect', () => {
		for (const meetingId of Object.keys(socket.data.meetings)) announce(meetingId);
	});
};

// The live meeting over Socket.IO: joining (authorised, answered with the whole room), and
// the moderator's and members' actions. Handlers only validate, call the domain and hand
// the change it reports to the live rooms (live-rooms.ts), which patch the room; every rule
// lives in server/domain/meetings.
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
import type { MeetingChanged } from '../domain/changes';
import { checkIn, markAttendance } from '../domain/meetings/attendance';
import { closeMeetingAndFreezeAgenda, setCurrentItem, startMeeting } from '../domain/meetings/lifecycle';
import { raiseHand, runQueue } from '../domain/meetings/queue';
import { meetingViewer } from '../domain/meetings/state';
import { runTimer } from '../domain/meetings/timer';
import { liveRooms } from './live-rooms';
import { meetingBroadcaster } from './meeting-broadcast';
import { handled, type RealtimeFeature } from './realtime-server';
import { meetingRoom } from './rooms';

type Change<S extends z.ZodType> = (db: Db, actor: Actor, payload: z.infer<S>) => Promise<MeetingChanged>;

export const meetingLive: RealtimeFeature = (events, io, { db, documents, onError }) => {
	const room = meetingBroadcaster(io, db, onError);
	const live = liveRooms(io, db, onError);
	const announce = (meetingId: string) => void room.changed(meetingId, { presence: true }).catch(onError);

	/** An action: the domain authorises and applies it, and says what changed; the live rooms
	 * send it (committed, so a failed broadcast is only logged); the caller gets the version. */
	const action = <S extends z.ZodType<{ meetingId: string }>>(schema: S, change: Change<S>) =>
		handled(
			schema,
			async (payload: z.infer<S>, socket) => {
				const done = await change(db, socket.data.actor, payload);
				await live.publish(done);
				return { version: done.version };
			},
			onError
		);

	events.on(
		'meeting:join',
		handled(
			MeetingRef,
			async ({ meetingId }, socket) => {
				const { actor, name } = socket.data;
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
	events.on(
		'meeting:leave',
		handled(
			MeetingRef,
			async ({ meetingId }, socket) => {
				delete socket.data.meetings[meetingId];
				await socket.leave(meetingRoom(meetingId));
				announce(meetingId);
				return {};
			},
			onError
		)
	);
	events.on('meeting:start', action(MeetingRef, startMeeting));
	events.on(
		'meeting:close',
		action(MeetingRef, (db, actor, ref) => closeMeetingAndFreezeAgenda(db, documents, actor, ref))
	);
	events.on('meeting:current', action(CurrentItemPayload, setCurrentItem));
	events.on('meeting:timer', action(TimerPayload, runTimer));
	events.on('meeting:hand', action(HandPayload, raiseHand));
	events.on('meeting:queue', action(QueuePayload, runQueue));
	events.on('meeting:checkin', action(CheckInPayload, checkIn));
	events.on('meeting:attendance', action(AttendancePayload, markAttendance));
	events.disconnected((socket) => {
		for (const meetingId of Object.keys(socket.data.meetings)) announce(meetingId);
	});
};

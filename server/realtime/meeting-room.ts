// The live meeting over Socket.IO: joining (authorised, answered with the whole state),
// the moderator's and members' actions, and a fresh snapshot to the room after each change.
// Handlers only validate, call the domain and broadcast; every rule lives in
// server/domain/meetings.
import type { z } from 'zod';
import type { PresenceEntry } from '../../shared/events';
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
import { joinMeeting, meetingState } from '../domain/meetings/state';
import { runTimer } from '../domain/meetings/timer';
import { broadcastGapMs, coalesced } from './coalesced';
import { localReceivers, meetingRoom } from './rooms';
import { broadcastVotes } from './voting';

export { meetingRoom } from './rooms';
import { handled, type RealtimeFeature, type RealtimeServer } from './realtime-server';

const stateBroadcasts = new WeakMap<RealtimeServer, (meetingId: string) => Promise<void>>();
const presenceBroadcasts = new WeakMap<RealtimeServer, (meetingId: string) => Promise<void>>();

/** Sends the meeting's current snapshot to everyone in its room, once for all the changes
 * that arrived while the previous one was going out (server/realtime/coalesced.ts). Resolves
 * once a snapshot that includes the caller's change was sent. Pages call it too after a form
 * action changed a meeting. */
export function broadcastMeetingState(io: RealtimeServer | null, db: Db, meetingId: string): Promise<void> {
	if (!io) return Promise.resolve();
	let request = stateBroadcasts.get(io);
	if (!request) {
		request = coalesced(
			async (id) => void io.to(meetingRoom(id)).emit('meeting:state', await meetingState(db, id)),
			(id) => broadcastGapMs(localReceivers(io, [meetingRoom(id)]))
		);
		stateBroadcasts.set(io, request);
	}
	return request(meetingId);
}

/** Sends the meeting's presence, gathered from every node's sockets, to everyone in its room
 * (joins and leaves that arrive together are sent as one list). */
export function broadcastPresence(io: RealtimeServer, meetingId: string): Promise<void> {
	let request = presenceBroadcasts.get(io);
	if (!request) {
		request = coalesced(
			(id) => sendPresence(io, id),
			(id) => broadcastGapMs(localReceivers(io, [meetingRoom(id)]))
		);
		presenceBroadcasts.set(io, request);
	}
	return request(meetingId);
}

async function sendPresence(io: RealtimeServer, meetingId: string): Promise<void> {
	const sockets = await io.in(meetingRoom(meetingId)).fetchSockets();
	const byUser = new Map<string, PresenceEntry>();
	for (const s of sockets) {
		const entry = s.data.meetings?.[meetingId];
		if (entry) byUser.set(entry.userId, entry);
	}
	io.to(meetingRoom(meetingId)).emit('meeting:presence', { meetingId, present: [...byUser.values()] });
}

type Change<S extends z.ZodType> = (db: Db, actor: Actor, payload: z.infer<S>) => Promise<number>;

export const meetingLive: RealtimeFeature = (socket, io, { db, documents, onError }) => {
	const { actor, name } = socket.data;
	const announce = (meetingId: string) => void broadcastPresence(io, meetingId).catch(onError);

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
				const joined = await joinMeeting(db, actor, meetingId);
				socket.data.meetings[meetingId] = { userId: actor.userId, name, side: joined.viewer.side };
				await socket.join(meetingRoom(meetingId));
				announce(meetingId);
				return joined;
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

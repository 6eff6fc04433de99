// A test's view of a live meeting's room, kept from the server's broadcasts exactly as the
// browser keeps it (shared/meeting-room-follower.ts): joins through it are answered with
// the whole room, patches apply to it, and a patch it cannot place makes it join again.
import type { Ack } from '../../shared/acks';
import type { MeetingRoomView, MeetingSnapshot, MeetingViewer } from '../../shared/meeting-state';
import type { PresenceEntry } from '../../shared/acks';
import { MeetingRoomFollower } from '../../shared/meeting-room-follower';
import type { TestSocket } from './clients';

export interface FollowedMeeting {
	readonly state: MeetingSnapshot | null;
	readonly present: PresenceEntry[];
	/** Patches applied, and joins made again because a patch did not follow what was held. */
	readonly counts: { patches: number; rejoins: number };
	join(): Promise<Ack<MeetingRoomView & { viewer: MeetingViewer }>>;
}

export function followMeeting(socket: TestSocket, meetingId: string): FollowedMeeting {
	const room = new MeetingRoomFollower();
	const counts = { patches: 0, rejoins: 0 };
	const join = async () => {
		room.joinSent();
		const reply = await socket.emitWithAck('meeting:join', { meetingId });
		if (reply.ok) room.take(reply);
		return reply;
	};
	socket.on('meeting:room', (r) => r.meetingId === meetingId && room.take(r));
	socket.on('meeting:patch', (p) => {
		if (p.meetingId !== meetingId) return;
		const outcome = room.patch(p);
		if (outcome === 'applied') counts.patches++;
		if (outcome === 'rejoin') {
			counts.rejoins++;
			void join().catch(() => {});
		}
	});
	return {
		get state() {
			return room.view?.state ?? null;
		},
		get present() {
			return room.view?.present ?? [];
		},
		counts,
		join
	};
}

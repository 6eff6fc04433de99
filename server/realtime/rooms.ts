// The Socket.IO rooms, named in one place for every feature that sends to them.
import type { RealtimeServer } from './realtime-server';

/** Clients that joined the live meeting. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
/** Clients that only watch a meeting's votes (the votes page). */
export const votesRoom = (meetingId: string) => `votes:${meetingId}`;

/** Every tab of one user: the notification bell. */
export const userRoom = (userId: string) => `user:${userId}`;
/** Pages that show a meeting's follow-ups without joining its room (and its presence). */
export const followUpsRoom = (meetingId: string) => `followups:${meetingId}`;

/** Pages that follow a proposal's discussion. */
export const discussionRoom = (proposalId: string) => `discussion:${proposalId}`;

/** This node's sockets in the given rooms (the Redis adapter's rooms are local too). */
export const localReceivers = (io: RealtimeServer, rooms: string[]) =>
	rooms.reduce((n, room) => n + (io.of('/').adapter.rooms.get(room)?.size ?? 0), 0);

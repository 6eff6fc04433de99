// Joining a group's live room, and who is present in it.
import { GroupJoinPayload, type PresenceEntry } from '../../shared/events';
import { groupAccess } from '../domain/access';
import { handled, type RealtimeFeature, type RealtimeServer } from './realtime-server';

export const groupRoom = (groupId: string) => `group:${groupId}`;

/** Tells everyone in a group's room who is there (one entry per user). */
async function broadcastPresence(io: RealtimeServer, groupId: string): Promise<void> {
	const sockets = await io.in(groupRoom(groupId)).fetchSockets();
	const byUser = new Map<string, PresenceEntry>();
	for (const s of sockets) {
		const entry = s.data.groups?.[groupId];
		if (entry) byUser.set(entry.userId, entry);
	}
	io.to(groupRoom(groupId)).emit('group:presence', { groupId, present: [...byUser.values()] });
}

export const groupPresence: RealtimeFeature = (events, io, { db, onError }) => {
	const announce = (groupId: string) => void broadcastPresence(io, groupId).catch(onError);

	events.on(
		'group:join',
		handled(
			GroupJoinPayload,
			async ({ groupId }, socket) => {
				const { actor, name } = socket.data;
				// Refused (NOT_FOUND) for anyone who may not read the group.
				const access = await groupAccess(db, actor, groupId);
				socket.data.groups[groupId] = { userId: actor.userId, name, side: access.side };
				await socket.join(groupRoom(groupId));
				announce(groupId);
				return { role: access.role, canEdit: access.canEdit };
			},
			onError
		)
	);
	events.on(
		'group:leave',
		handled(
			GroupJoinPayload,
			async ({ groupId }, socket) => {
				delete socket.data.groups[groupId];
				await socket.leave(groupRoom(groupId));
				announce(groupId);
				return {};
			},
			onError
		)
	);
	events.disconnected((socket) => {
		for (const groupId of Object.keys(socket.data.groups)) announce(groupId);
	});
};

// Socket.IO: everything live that is not a document. Connections are authenticated by
// the session cookie; joining a group's room is authorised by the domain.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { GroupJoinPayload, type Ack, type ClientToServerEvents, type ServerToClientEvents, type PresenceEntry } from '../../shared/events';
import type { Actor } from '../domain/access';
import { groupAccess } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { Db } from '../db/client';

export interface SocketData {
	actor: Actor;
	name: string;
	groups: Map<string, PresenceEntry>;
}
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeDeps {
	db: Db;
	authenticate(request: IncomingMessage): Promise<(Actor & { name: string }) | null>;
	onError?(error: unknown): void;
}

export const groupRoom = (groupId: string) => `group:${groupId}`;

/** Validates a payload, runs a handler and always answers the acknowledgement. */
export function handled<S extends z.ZodType, T extends object>(
	schema: S,
	run: (payload: z.infer<S>) => Promise<T>,
	onError: (error: unknown) => void
) {
	return async (payload: unknown, ack: unknown) => {
		const reply = (typeof ack === 'function' ? ack : () => {}) as (result: Ack<T>) => void;
		const parsed = schema.safeParse(payload);
		if (!parsed.success) return reply({ ok: false, code: 'INVALID', message: parsed.error.issues[0]?.message });
		try {
			reply({ ok: true, ...(await run(parsed.data)) });
		} catch (error) {
			if (error instanceof DomainError) return reply({ ok: false, code: error.code, message: error.message });
			onError(error);
			reply({ ok: false, code: 'UNAVAILABLE' });
		}
	};
}

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
	const onError = deps.onError ?? console.error;
	const io: RealtimeServer = new Server(httpServer, {
		// Leave other upgrade requests (the Yjs endpoint) alone.
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 }
	});

	io.use((socket, next) => {
		deps
			.authenticate(socket.request)
			.then((actor) => {
				if (!actor) return next(new Error('UNAUTHENTICATED'));
				const { name, ...rest } = actor;
				socket.data = { actor: rest, name, groups: new Map() };
				next();
			})
			.catch((error) => {
				onError(error);
				next(new Error('UNAVAILABLE'));
			});
	});

	const presence = async (groupId: string) => {
		const sockets = await io.in(groupRoom(groupId)).fetchSockets();
		const byUser = new Map<string, PresenceEntry>();
		for (const s of sockets) {
			const entry = s.data.groups?.get(groupId);
			if (entry) byUser.set(entry.userId, entry);
		}
		io.to(groupRoom(groupId)).emit('group:presence', { groupId, present: [...byUser.values()] });
	};

	io.on('connection', (socket: RealtimeSocket) => {
		const { actor, name } = socket.data;
		socket.on(
			'group:join',
			handled(
				GroupJoinPayload,
				async ({ groupId }) => {
					const access = await groupAccess(deps.db, actor, groupId);
					socket.data.groups.set(groupId, { userId: actor.userId, name, side: access.side });
					await socket.join(groupRoom(groupId));
					void presence(groupId).catch(onError);
					return { role: access.role, canEdit: access.canEdit };
				},
				onError
			)
		);
		socket.on(
			'group:leave',
			handled(
				GroupJoinPayload,
				async ({ groupId }) => {
					socket.data.groups.delete(groupId);
					await socket.leave(groupRoom(groupId));
					void presence(groupId).catch(onError);
					return {};
				},
				onError
			)
		);
		socket.on('disconnect', () => {
			for (const groupId of socket.data.groups.keys()) void presence(groupId).catch(onError);
		});
	});
	return io;
}

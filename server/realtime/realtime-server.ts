// Socket.IO: everything live that is not a document. Connections are authenticated by
// the session cookie; each feature registers its own events (server/realtime/*.ts) once
// per server, as handlers that take the socket as their first argument. A connection then
// holds no closures of its own: one shared listener (onAny) looks each event up.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, ClientToServerEvents, PresenceEntry, ServerToClientEvents } from '../../shared/events';
import type { Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { Db } from '../db/client';
import type { DocumentService } from '../collab/collab-server';
import type { SessionSockets } from '../auth/session-sockets';
import { logger, requestId } from '../observability/logger';
import { withLogScope } from '../observability/log-scope';

export interface SocketData {
	actor: Actor;
	name: string;
	/** Groups this socket joined, with how it appears in their presence lists. A plain
	 * object, not a Map: other nodes read it as JSON through the Redis adapter. */
	groups: Record<string, PresenceEntry>;
	/** Meetings this socket joined (a plain object, so it survives the Redis adapter's fetchSockets). */
	meetings: Record<string, PresenceEntry>;
	/** The id on every log line this connection's events write. */
	connId: string;
}
/** What nodes tell each other through the Redis adapter (serverSideEmit). */
export interface InterServerEvents {
	/** A meeting changed on the sending node: each node sends its own sockets a patch. */
	'meeting:changed': (meetingId: string, parts: { state?: boolean; presence?: boolean }) => void;
}
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Servers whose rooms span several nodes (the Redis adapter): only they announce changes. */
const clustered = new WeakSet<RealtimeServer>();
export const isClustered = (io: RealtimeServer) => clustered.has(io);

export interface RealtimeDeps {
	db: Db;
	/** The collab server's documents (server-side edits, reconnecting readers). */
	documents: DocumentService;
	authenticate(request: IncomingMessage): Promise<(Actor & { name: string; sessionId: string }) | null>;
	/** Whether a handshake's Origin is the app's own (server/http/origin.ts). */
	allowOrigin?(request: IncomingMessage): boolean;
	/** Disconnects a session's sockets when it ends (signed out, expired, revoked). */
	sessions?: SessionSockets;
	onError?(error: unknown): void;
}

/** What a socket sent: the event's payload and its acknowledgement (when it asked for one). */
export type SocketHandler = (socket: RealtimeSocket, payload: unknown, ack: unknown) => void | Promise<void>;

/** Where a feature registers its events, once per server. */
export interface SocketEvents {
	/** The handler of a client's event. */
	on(event: keyof ClientToServerEvents, handler: SocketHandler): void;
	/** Called for every new connection (after authentication). */
	connected(handler: (socket: RealtimeSocket) => void): void;
	/** Called when a connection goes. */
	disconnected(handler: (socket: RealtimeSocket) => void): void;
}

/** A feature's socket events: called once per server to register its handlers. */
export type RealtimeFeature = (events: SocketEvents, io: RealtimeServer, deps: FeatureDeps) => void;
export type FeatureDeps = Required<Pick<RealtimeDeps, 'db' | 'documents' | 'authenticate' | 'onError'>>;

/** Validates a payload, runs the handler, and always answers the acknowledgement:
 * { ok: true, ...result } or { ok: false, code }. Never throws into Socket.IO. */
export function handled<S extends z.ZodType, T extends object>(
	schema: S,
	run: (payload: z.infer<S>, socket: RealtimeSocket) => Promise<T>,
	onError: (error: unknown) => void
): SocketHandler {
	return async (socket, payload, ack) => {
		const reply = (typeof ack === 'function' ? ack : () => {}) as (result: Ack<T>) => void;
		const parsed = schema.safeParse(payload);
		if (!parsed.success) return reply({ ok: false, code: 'INVALID', message: parsed.error.issues[0]?.message });
		try {
			reply({ ok: true, ...(await run(parsed.data, socket)) });
		} catch (error) {
			if (error instanceof DomainError) return reply({ ok: false, code: error.code, message: error.message });
			onError(error);
			reply({ ok: false, code: 'UNAVAILABLE' });
		}
	};
}

export function attachRealtime(
	httpServer: HttpServer,
	deps: RealtimeDeps,
	features: RealtimeFeature[],
	/** The Redis adapter when several nodes serve the same rooms. */
	adapter?: ServerOptions['adapter']
): RealtimeServer {
	const full: FeatureDeps = { onError: console.error, ...deps };
	/** Each socket's session, to stop watching it when the socket goes. */
	const sessionOf = new WeakMap<RealtimeSocket, string>();
	const io: RealtimeServer = new Server(httpServer, {
		// Leave other upgrade requests (the Yjs endpoint) alone.
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		// The handshake (polling or WebSocket) must come from the app's own origin.
		...(deps.allowOrigin ? { allowRequest: (request, callback) => callback(null, deps.allowOrigin!(request)) } : {}),
		...(adapter ? { adapter } : {})
	});
	if (adapter) clustered.add(io);

	const handlers = new Map<string, SocketHandler>();
	const onConnect: ((socket: RealtimeSocket) => void)[] = [];
	const onDisconnect: ((socket: RealtimeSocket) => void)[] = [];
	const events: SocketEvents = {
		on: (event, handler) => void handlers.set(event, handler),
		connected: (handler) => void onConnect.push(handler),
		disconnected: (handler) => void onDisconnect.push(handler)
	};
	for (const feature of features) feature(events, io, full);
	/** Each connection's untracking of its session (sessions.track), called when it goes. */
	const untrack = new WeakMap<RealtimeSocket, () => void>();

	/** The one listener of every connection (onAny, called with the socket as `this`): runs
	 * the event's handler in the connection's log scope. */
	function dispatch(this: RealtimeSocket, event: string, payload?: unknown, ack?: unknown): void {
		const handler = handlers.get(event);
		if (!handler) return;
		withLogScope({ connId: this.data.connId }, () => void handler(this, payload, ack));
	}
	function disconnected(this: RealtimeSocket, reason: string): void {
		withLogScope({ connId: this.data.connId }, () => {
			logger().info({ kind: 'socket.io', reason }, 'socket closed');
			untrack.get(this)?.();
			for (const handler of onDisconnect) handler(this);
		});
	}

	io.use((socket, next) => {
		full
			.authenticate(socket.request)
			.then((actor) => {
				if (!actor) return next(new Error('UNAUTHENTICATED'));
				const { name, sessionId, ...rest } = actor;
				// One id per connection (the client's X-Request-Id when safe) on every line its events write.
				socket.data = { actor: rest, name, groups: {}, meetings: {}, connId: requestId(socket.handshake.headers['x-request-id']) };
				sessionOf.set(socket, sessionId);
				next();
			})
			.catch((error) => {
				full.onError(error);
				next(new Error('UNAVAILABLE'));
			});
	});

	io.on('connection', (socket) => {
		withLogScope({ connId: socket.data.connId }, () => {
			logger().info({ kind: 'socket.io', userId: socket.data.actor.userId }, 'socket connected');
			socket.onAny(dispatch);
			socket.on('disconnect', disconnected);
			const sessionId = sessionOf.get(socket);
			if (deps.sessions && sessionId)
				untrack.set(
					socket,
					deps.sessions.track(sessionId, () => socket.disconnect(true))
				);
			for (const handler of onConnect) handler(socket);
		});
	});
	return io;
}

// The y-websocket endpoint: /collab/<documentName>. Authenticates the upgrade with the
// session cookie, authorises the document, then connects the socket to its Room.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { CloseCode, MAX_MESSAGE_BYTES, RefusedReason } from '../../shared/collab';
import type { Actor } from '../domain/access';
import type { DocumentAccess } from '../domain/documents';
import { DomainError } from '../domain/errors';
import { corkForThisRun } from './corked';
import { ProtocolError, type Peer, type Room } from './room';
import type { RoomLease, RoomRegistry } from './registry';
import type { SessionSockets } from '../auth/session-sockets';
import { logger, requestId } from '../observability/logger';
import { withLogScope } from '../observability/log-scope';

export const COLLAB_PATH = '/collab/';
/** Messages a client may send before its room is ready; more is abuse. */
const MAX_EARLY_MESSAGES = 64;
/** A peer whose unsent backlog grows past this is too slow to keep; it resyncs later. */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024;
const PING_MS = 30_000;

export interface CollabDeps {
	registry: RoomRegistry;
	authenticate(request: IncomingMessage): Promise<(Actor & { sessionId: string }) | null>;
	authorize(actor: Actor, documentName: string): Promise<DocumentAccess>;
	/** Whether the upgrade's Origin is the app's own (server/http/origin.ts); refused with 403. */
	allowOrigin?(request: IncomingMessage): boolean;
	/** Closes a session's sockets when it ends (signed out, expired, revoked). */
	sessions?: SessionSockets;
	onError?(error: unknown): void;
}

/** What the rest of the server may do to documents, without a socket. */
export interface DocumentService {
	/** Edits a document on the server's behalf: stored, then relayed to every reader. */
	change(name: string, edit: (doc: Y.Doc) => void): Promise<void>;
	/** Makes every client of a document reconnect, to be authorised afresh. */
	reconnectAll(name: string): Promise<void>;
}

export interface CollabServer extends DocumentService {
	/** Takes an upgrade request if its path is under /collab/; returns false otherwise. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** WebSockets open on this endpoint (for metrics). */
	connections(): number;
	close(): Promise<void>;
}

const closeCodeFor = (error: unknown): [number, string] => {
	if (error instanceof DomainError) {
		if (error.code === 'UNAUTHENTICATED') return [CloseCode.unauthenticated, 'sign in first'];
		if (error.code === 'FORBIDDEN') return [CloseCode.forbidden, 'not allowed'];
		if (error.code === 'NOT_FOUND') return [CloseCode.notFound, 'no such document'];
	}
	return [CloseCode.unavailable, 'try again later'];
};

export function createCollabServer(deps: CollabDeps): CollabServer {
	const onError = deps.onError ?? console.error;
	// Our own limit is checked per message so the client gets a clear close code; the ws
	// cap above it only stops a sender from making us buffer something absurd.
	const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * MAX_MESSAGE_BYTES });
	const alive = new WeakSet<WebSocket>();
	const pinger = setInterval(() => {
		for (const ws of wss.clients) {
			if (!alive.has(ws)) ws.terminate();
			else {
				alive.delete(ws);
				ws.ping();
			}
		}
	}, PING_MS);
	pinger.unref();

	async function connect(ws: WebSocket, request: IncomingMessage, name: string, wantsAcks: boolean): Promise<void> {
		// One id per connection (the client's X-Request-Id when safe) on its log lines.
		const scope = { connId: requestId(request.headers['x-request-id']) };
		const log = logger().child(scope);
		const early: Uint8Array[] = [];
		let room: Room | null = null;
		let peer: Peer | null = null;
		const handle = (data: Uint8Array) => {
			if (data.byteLength > MAX_MESSAGE_BYTES) return ws.close(CloseCode.tooLarge, 'message too large');
			if (!room || !peer) {
				if (early.length >= MAX_EARLY_MESSAGES) return ws.close(CloseCode.tooLarge, 'too many messages before sync');
				return void early.push(data);
			}
			try {
				room.receive(peer, data);
			} catch (error) {
				const [code, reason] = error instanceof ProtocolError ? [error.code, error.message] : [CloseCode.malformed, 'malformed message'];
				ws.close(code, reason);
			}
		};
		ws.on('message', (data, isBinary) => {
			if (!isBinary) return ws.close(CloseCode.malformed, 'binary messages only');
			handle(toBytes(data));
		});
		ws.on('pong', () => alive.add(ws));
		ws.on('error', () => ws.terminate());
		alive.add(ws);
		let untrack: (() => void) | null = null;
		let lease: RoomLease | null = null;
		ws.on('close', (code) => {
			log.info({ kind: 'collab', document: name, code }, 'socket closed');
			untrack?.();
			if (room && peer) room.leave(peer);
			lease?.release();
		});

		try {
			const actor = await deps.authenticate(request);
			if (!actor) throw new DomainError('UNAUTHENTICATED');
			if (ws.readyState !== ws.OPEN) return;
			// 4401 is permanent for the stock provider: a signed-out client stops.
			untrack = deps.sessions?.track(actor.sessionId, () => ws.close(CloseCode.unauthenticated, 'session ended')) ?? null;
			// Rights that change while this connection is authorised (the meeting closes)
			// would be missed by the room's reconnectAll: the epoch says so afterwards.
			const epoch = deps.registry.rightsEpoch(name);
			const access = await deps.authorize(actor, name);
			const held = await deps.registry.acquire(name);
			if (ws.readyState !== ws.OPEN || deps.registry.rightsEpoch(name) !== epoch) {
				held.release();
				if (ws.readyState === ws.OPEN) ws.close(CloseCode.rightsChanged, 'rights changed');
				return;
			}
			// From here the connection's close releases it.
			lease = held;
			room = held.room;
			// ws keeps its net.Socket in a field it does not export; corking it only batches
			// what ws writes (ws corks around each frame itself, and corks nest).
			const raw = (ws as unknown as { _socket?: Duplex | null })._socket ?? null;
			peer = {
				userId: actor.userId,
				canEdit: access.canEdit,
				readOnly: access.canEdit ? undefined : access.frozen ? RefusedReason.closed : RefusedReason.readOnly,
				wantsAcks,
				send(message) {
					if (ws.readyState !== ws.OPEN) return;
					if (ws.bufferedAmount > MAX_BACKLOG_BYTES) return ws.close(CloseCode.unavailable, 'connection too slow');
					if (raw) corkForThisRun(raw);
					ws.send(message);
				},
				close: (code, reason) => ws.close(code, reason)
			};
			room.join(peer);
			log.info({ kind: 'collab', document: name, userId: actor.userId, canEdit: access.canEdit }, 'socket connected');
			for (const data of early.splice(0)) handle(data);
		} catch (error) {
			const [code, reason] = closeCodeFor(error);
			if (code === CloseCode.unavailable) withLogScope(scope, () => onError(error));
			ws.close(code, reason);
		}
	}

	return {
		handleUpgrade(request, socket, head) {
			const url = new URL(request.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(COLLAB_PATH)) return false;
			if (deps.allowOrigin && !deps.allowOrigin(request)) {
				socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
				return true;
			}
			const name = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
			const wantsAcks = url.searchParams.get('acks') === '1';
			wss.handleUpgrade(request, socket, head, (ws) => {
				connect(ws, request, name, wantsAcks).catch(onError);
			});
			return true;
		},
		connections: () => wss.clients.size,
		async change(name, edit) {
			const lease = await deps.registry.acquire(name);
			try {
				await lease.room.change(edit);
			} finally {
				lease.release();
			}
		},
		async reconnectAll(name) {
			deps.registry.rightsChanged(name);
			await deps.registry.announceReconnect(name);
		},
		async close() {
			clearInterval(pinger);
			// 4504 is transient: clients reconnect (to this node after a restart, or another).
			for (const ws of wss.clients) ws.close(CloseCode.shuttingDown, 'server shutting down');
			await deps.registry.closeAll();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

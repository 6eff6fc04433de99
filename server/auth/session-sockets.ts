// The open sockets (Socket.IO and Yjs) of each sign-in session on this node, so that a
// session that ends closes them: at once when it is signed out (on this node, and on the
// other nodes through Redis), and within one re-validation period when it expires or its
// row is deleted (revoked), by one batched query for the sessions of this node's sockets.
import type { Db } from '../db/client';
import type { RedisPair } from '../cluster/redis';
import { liveSessions } from '../domain/sessions';

const CHANNEL = 'rahkar:session-ended';

export interface SessionSockets {
	/** Registers an open socket of a session; returns what unregisters it (call on close). */
	track(sessionId: string, close: () => void): () => void;
	/** The session ended (signed out): closes its sockets here and on every other node. */
	ended(sessionId: string): Promise<void>;
	/** Closes the sockets of sessions that expired or were revoked (runs periodically). */
	revalidate(): Promise<void>;
	stop(): void;
}

export function sessionSockets(options: {
	db: Db;
	/** How often open sockets' sessions are re-checked. */
	periodMs: number;
	redis?: RedisPair | null;
	onError?: (error: unknown) => void;
}): SessionSockets {
	const onError = options.onError ?? console.error;
	const open = new Map<string, Set<() => void>>();
	const closeLocal = (sessionId: string) => {
		const closers = open.get(sessionId);
		open.delete(sessionId);
		for (const close of closers ?? []) {
			try {
				close();
			} catch (error) {
				onError(error);
			}
		}
	};

	const redis = options.redis;
	if (redis) {
		void redis.sub.subscribe(CHANNEL).catch(onError);
		redis.sub.on('message', (channel: string, message: string) => {
			if (channel === CHANNEL) closeLocal(message);
		});
	}

	let checking = false;
	const revalidate = async () => {
		if (checking || open.size === 0) return;
		checking = true;
		try {
			const live = await liveSessions(options.db, open.keys());
			for (const id of [...open.keys()]) if (!live.has(id)) closeLocal(id);
		} finally {
			checking = false;
		}
	};
	const timer = setInterval(() => void revalidate().catch(onError), options.periodMs);
	timer.unref();

	return {
		track(sessionId, close) {
			let closers = open.get(sessionId);
			if (!closers) open.set(sessionId, (closers = new Set()));
			closers.add(close);
			return () => {
				const set = open.get(sessionId);
				set?.delete(close);
				if (set?.size === 0) open.delete(sessionId);
			};
		},
		async ended(sessionId) {
			closeLocal(sessionId);
			await redis?.pub.publish(CHANNEL, sessionId);
		},
		revalidate,
		stop: () => clearInterval(timer)
	};
}

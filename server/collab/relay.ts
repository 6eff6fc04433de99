// Relays stored Yjs updates between the nodes of a cluster, per document: a node hears
// only about documents it has open, so no node replays every document. Updates are
// published only after they are in the database, which stays the source of truth: a node
// that may have missed messages (Redis restarted) catches up from the database.
import type { RedisPair } from '../cluster/redis';

export interface DocumentRelay {
	/** Starts hearing another node's updates to `name`. */
	join(name: string, onUpdate: (update: Uint8Array) => void): Promise<void>;
	leave(name: string): Promise<void>;
	/** Tells the other nodes about an update this node has stored. */
	publish(name: string, update: Uint8Array): void;
	/** Runs `handler` when updates may have been missed (the broker came back). */
	onGap(handler: () => void): void;
}

const channel = (name: string) => `rahkar:collab:${name}`;
const NODE_ID_BYTES = 36;

export function redisRelay(redis: RedisPair, onError: (error: unknown) => void = console.error): DocumentRelay {
	const listeners = new Map<string, (update: Uint8Array) => void>();
	const self = Buffer.from(redis.nodeId);
	redis.sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
		const listener = listeners.get(ch.toString().slice('rahkar:collab:'.length));
		if (!listener || message.length <= NODE_ID_BYTES) return;
		if (message.subarray(0, NODE_ID_BYTES).equals(self)) return; // our own
		try {
			listener(new Uint8Array(message.buffer, message.byteOffset + NODE_ID_BYTES, message.length - NODE_ID_BYTES));
		} catch (error) {
			onError(error);
		}
	});
	return {
		async join(name, onUpdate) {
			listeners.set(name, onUpdate);
			await redis.sub.subscribe(channel(name));
		},
		async leave(name) {
			listeners.delete(name);
			await redis.sub.unsubscribe(channel(name));
		},
		publish(name, update) {
			redis.pub.publish(channel(name), Buffer.concat([self, update])).catch(onError);
		},
		onGap: (handler) => redis.onReconnect(handler)
	};
}

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
	/** Asks every other node to act on a document (reconnect its clients). */
	control(name: string, action: 'reconnect'): Promise<void>;
	onControl(handler: (name: string, action: 'reconnect') => void): void;
}

const channel = (name: string) => `rahkar:collab:${name}`;
const CONTROL = 'rahkar:collab-control';
const NODE_ID_BYTES = 36;

export function redisRelay(redis: RedisPair, onError: (error: unknown) => void = console.error): DocumentRelay {
	const listeners = new Map<string, (update: Uint8Array) => void>();
	const controlHandlers: ((name: string, action: 'reconnect') => void)[] = [];
	const self = Buffer.from(redis.nodeId);
	void redis.sub.subscribe(CONTROL).catch(onError);
	redis.sub.on('message', (ch: string, message: string) => {
		if (ch !== CONTROL) return;
		try {
			const { node, name, action } = JSON.parse(message) as { node: string; name: string; action: 'reconnect' };
			if (node !== redis.nodeId) for (const h of controlHandlers) h(name, action);
		} catch (error) {
			onError(error);
		}
	});
	redis.sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
		if (ch.toString() === CONTROL) return;
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
		onGap: (handler) => redis.onReconnect(handler),
		async control(name, action) {
			await redis.pub.publish(CONTROL, JSON.stringify({ node: redis.nodeId, name, action }));
		},
		onControl: (handler) => void controlHandlers.push(handler)
	};
}

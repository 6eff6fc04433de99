// Relays a document's traffic between the nodes of a cluster, on one Redis channel per
// document: a node hears only about documents it has open, so no node replays every
// document. Three kinds travel on a document's channel:
// - stored Yjs updates, published only after they are in the database, which stays the
//   source of truth: a node that may have missed some (Redis restarted) catches up from it;
// - awareness (who is here, cursors) of the clients connected to the sending node;
// - a request, sent by a node that just opened the document, for everyone's awareness.
// A control channel carries cluster-wide requests (reconnect a document's clients).
import type { RedisPair } from '../cluster/redis';

export interface RelayListener {
	/** An update another node stored. */
	update(update: Uint8Array): void;
	/** Awareness of another node's clients. */
	awareness(update: Uint8Array): void;
	/** Another node opened the document and asks for the awareness of our clients. */
	awarenessWanted(): void;
}

export interface DocumentRelay {
	/** Starts hearing the other nodes' traffic for `name`. */
	join(name: string, listener: RelayListener): Promise<void>;
	leave(name: string): Promise<void>;
	/** Tells the other nodes about an update this node has stored. */
	publish(name: string, update: Uint8Array): void;
	/** Tells the other nodes about a change in this node's clients' awareness. */
	publishAwareness(name: string, update: Uint8Array): void;
	/** Asks the other nodes for the awareness of their clients of `name`. */
	requestAwareness(name: string): void;
	/** Runs `handler` when updates may have been missed (the broker came back). */
	onGap(handler: () => void): void;
	/** Asks every other node to act on a document (reconnect its clients). */
	control(name: string, action: 'reconnect'): Promise<void>;
	onControl(handler: (name: string, action: 'reconnect') => void): void;
}

const PREFIX = 'rahkar:collab:';
const channel = (name: string) => PREFIX + name;
const CONTROL = 'rahkar:collab-control';
/** A message is [sending node's id][kind][payload]. */
const NODE_ID_BYTES = 36;
const enum Kind {
	update = 0,
	awareness = 1,
	awarenessWanted = 2
}

export function redisRelay(redis: RedisPair, onError: (error: unknown) => void = console.error): DocumentRelay {
	const listeners = new Map<string, RelayListener>();
	const controlHandlers: ((name: string, action: 'reconnect') => void)[] = [];
	const self = Buffer.from(redis.nodeId);
	if (self.length !== NODE_ID_BYTES) throw new Error(`node id must be ${NODE_ID_BYTES} bytes`);
	void redis.sub.subscribe(CONTROL).catch(onError);

	const onControlMessage = (message: Buffer) => {
		const { node, name, action } = JSON.parse(message.toString()) as { node: string; name: string; action: 'reconnect' };
		if (node !== redis.nodeId) for (const h of controlHandlers) h(name, action);
	};
	const onDocumentMessage = (ch: string, message: Buffer) => {
		const listener = listeners.get(ch.slice(PREFIX.length));
		if (!listener || message.length <= NODE_ID_BYTES) return;
		if (message.subarray(0, NODE_ID_BYTES).equals(self)) return; // our own
		const kind = message[NODE_ID_BYTES];
		const payload = new Uint8Array(message.buffer, message.byteOffset + NODE_ID_BYTES + 1, message.length - NODE_ID_BYTES - 1);
		if (kind === Kind.update) listener.update(payload);
		else if (kind === Kind.awareness) listener.awareness(payload);
		else if (kind === Kind.awarenessWanted) listener.awarenessWanted();
	};
	redis.sub.on('messageBuffer', (ch: Buffer, message: Buffer) => {
		try {
			const name = ch.toString();
			if (name === CONTROL) onControlMessage(message);
			else if (name.startsWith(PREFIX)) onDocumentMessage(name, message);
		} catch (error) {
			onError(error);
		}
	});

	const send = (name: string, kind: Kind, payload: Uint8Array = new Uint8Array(0)) => {
		redis.pub.publish(channel(name), Buffer.concat([self, Buffer.of(kind), payload])).catch(onError);
	};
	return {
		async join(name, listener) {
			listeners.set(name, listener);
			await redis.sub.subscribe(channel(name));
		},
		async leave(name) {
			listeners.delete(name);
			await redis.sub.unsubscribe(channel(name));
		},
		publish: (name, update) => send(name, Kind.update, update),
		publishAwareness: (name, update) => send(name, Kind.awareness, update),
		requestAwareness: (name) => send(name, Kind.awarenessWanted),
		onGap: (handler) => redis.onReconnect(handler),
		async control(name, action) {
			await redis.pub.publish(CONTROL, JSON.stringify({ node: redis.nodeId, name, action }));
		},
		onControl: (handler) => void controlHandlers.push(handler)
	};
}

// Redis connections for a cluster of Rahkar nodes: one for publishing and commands, one
// for subscriptions (a subscribed connection can do nothing else). ioredis reconnects
// and resubscribes by itself; callers hear about it through onReconnect.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export interface RedisPair {
	/** Identifies this process among the cluster's nodes. */
	nodeId: string;
	pub: Redis;
	sub: Redis;
	/** Called whenever the subscriber is ready again after losing its connection, once its
	 * subscriptions are restored: anything published while it was away may be lost. */
	onReconnect(handler: () => void): void;
	close(): Promise<void>;
}

export async function connectRedis(url: string, log: (line: string) => void = console.log): Promise<RedisPair> {
	const options = {
		// Keep retrying forever, at most every 2 s: a Redis restart must heal by itself.
		retryStrategy: (times: number) => Math.min(100 * times, 2000),
		maxRetriesPerRequest: null,
		lazyConnect: true
	};
	const pub = new Redis(url, options);
	const sub = new Redis(url, options);
	const handlers: (() => void)[] = [];
	let lost = false;
	for (const [name, client] of [
		['publisher', pub],
		['subscriber', sub]
	] as const) {
		client.on('error', (error: Error) => {
			if (!lost) log(`redis ${name}: ${error.message}`);
		});
	}
	sub.on('close', () => (lost = true));
	sub.on('ready', () => {
		if (!lost) return;
		lost = false;
		log('redis: reconnected');
		// ioredis says 'ready' before it sends the SUBSCRIBEs that restore our channels. A
		// PING queued behind them is answered only once Redis has applied them, so the
		// handlers run when every message published from now on reaches this node: what they
		// re-read from the database then covers everything that may have been missed.
		setImmediate(() => {
			sub.ping().then(
				() => {
					for (const h of handlers) h();
				},
				// Lost again before the answer: the next 'ready' runs the handlers.
				() => {}
			);
		});
	});
	await Promise.all([pub.connect(), sub.connect()]);
	return {
		nodeId: randomUUID(),
		pub,
		sub,
		onReconnect: (h) => void handlers.push(h),
		async close() {
			await Promise.allSettled([pub.quit(), sub.quit()]);
		}
	};
}

// A throwaway redis-server on loopback that a test can stop and start again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

export interface TestRedis {
	url: string;
	stop(): Promise<void>;
	start(): Promise<void>;
	/** Closes every subscribed connection, as Redis does to a subscriber that falls behind
	 * (client-output-buffer-limit pubsub), leaving the others open; resolves with how many. */
	killSubscribers(): Promise<number>;
	/** How many subscribed connections Redis has now. */
	subscribers(): Promise<number>;
}

export async function startRedis(): Promise<TestRedis> {
	if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
		throw new Error('redis-server is needed for cluster tests: apt-get install redis-server (.ci/run installs it)');
	}
	const port = await freePort();
	let proc: ChildProcess | null = null;
	const start = () =>
		new Promise<void>((resolve, reject) => {
			proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let out = '';
			const timer = setTimeout(() => reject(new Error(`redis did not start: ${out}`)), 10_000);
			proc.stdout!.on('data', (c: Buffer) => {
				out += c.toString();
				if (out.includes('Ready to accept connections')) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
	/** One command on a short-lived connection of its own. */
	const admin = async <T>(run: (r: Redis) => Promise<T>): Promise<T> => {
		const r = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0 });
		try {
			await r.connect();
			return await run(r);
		} finally {
			r.disconnect();
		}
	};
	await start();
	return {
		url: `redis://127.0.0.1:${port}`,
		start,
		killSubscribers: () => admin((r) => r.call('CLIENT', 'KILL', 'TYPE', 'pubsub')).then(Number),
		subscribers: () =>
			admin((r) => r.call('CLIENT', 'LIST', 'TYPE', 'pubsub')).then((list) => String(list).split('\n').filter(Boolean).length),
		stop: () =>
			new Promise<void>((resolve) => {
				const p = proc as ChildProcess | null;
				if (!p || p.exitCode !== null) return resolve();
				p.once('exit', () => resolve());
				p.kill('SIGKILL');
			})
	};
}

// Once-per-cluster periodic work. Every node runs the same loop; a lease row in the
// database says which node may run a job until when. The holder renews it each round;
// when a node dies its lease expires and another node takes the job over.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { logger } from '../observability/logger';
import { withLogScope } from '../observability/log-scope';

export interface PeriodicJob {
	name: string;
	everyMs: number;
	run(): Promise<void>;
}

/** Tries to take or renew the lease; true when this holder has it until now + ttl. */
export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
	const expiresAt = new Date(now.getTime() + ttlMs);
	// Take it if it is ours or has expired: one conditional UPDATE, atomic on both databases.
	const taken = await db.lease.updateMany({
		where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
		data: { holder, expiresAt }
	});
	if (taken.count === 1) return true;
	try {
		await db.lease.create({ data: { name, holder, expiresAt } });
		return true;
	} catch {
		return false; // another node holds it (or created it first)
	}
}

/** What happened to one run of a job on this node (the metrics count them). */
export type JobOutcome = 'ok' | 'failed';

/** Runs each job on one node of the cluster at a time; returns a stop function. Each run
 * has an id (runId) on every log line it writes, and `observe` hears how it went. */
export function runPeriodic(
	db: Db,
	holder: string,
	jobs: PeriodicJob[],
	onError: (error: unknown) => void = console.error,
	observe?: (job: string, outcome: JobOutcome, seconds: number) => void
): () => void {
	const timers = jobs.map((job) => {
		let running = false;
		const tick = async () => {
			if (running) return;
			running = true;
			const started = performance.now();
			const scope = { job: job.name, runId: randomUUID() };
			let ran = false;
			try {
				// The lease outlives one round by a margin, so a slow round keeps it.
				if (await acquireLease(db, job.name, holder, job.everyMs * 3)) {
					ran = true;
					await withLogScope(scope, () => job.run());
					const seconds = (performance.now() - started) / 1000;
					withLogScope(scope, () => logger().debug({ ms: Math.round(seconds * 1000) }, 'job ran'));
					observe?.(job.name, 'ok', seconds);
				}
			} catch (error) {
				withLogScope(scope, () => onError(error));
				if (ran) observe?.(job.name, 'failed', (performance.now() - started) / 1000);
			} finally {
				running = false;
			}
		};
		const timer = setInterval(() => void tick(), job.everyMs);
		timer.unref();
		return timer;
	});
	return () => timers.forEach(clearInterval);
}

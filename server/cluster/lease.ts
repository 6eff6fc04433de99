// Once-per-cluster periodic work. Every node runs the same loop; a lease row in the
// database says which node may run a job until when. The holder renews it each round;
// when a node dies its lease expires and another node takes the job over.
import type { Db } from '../db/client';

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

/** Runs each job on one node of the cluster at a time; returns a stop function. */
export function runPeriodic(db: Db, holder: string, jobs: PeriodicJob[], onError: (error: unknown) => void = console.error): () => void {
	const timers = jobs.map((job) => {
		let running = false;
		const tick = async () => {
			if (running) return;
			running = true;
			try {
				// The lease outlives one round by a margin, so a slow round keeps it.
				if (await acquireLease(db, job.name, holder, job.everyMs * 3)) await job.run();
			} catch (error) {
				onError(error);
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

// The cluster's periodic jobs. Each runs on one node at a time (a database lease).
import type { PeriodicJob } from '../cluster/lease';
import type { AppContext } from './context';
import { sweepExpired } from '../domain/housekeeping';

export function periodicJobs(context: AppContext): PeriodicJob[] {
	const db = context.database.db;
	return [{ name: 'sweep-expired', everyMs: 60 * 60_000, run: async () => void (await sweepExpired(db)) }];
}

// The cluster's periodic jobs. Each runs on one node at a time (a database lease).
import type { PeriodicJob } from '../cluster/lease';
import type { AppContext } from './context';
import { sweepExpired } from '../domain/housekeeping';
import { reindexProposals } from '../domain/search/reindex';
import { sendDueReminders } from '../domain/action-items/reminders';
import { deliverNotices } from '../realtime/action-items';

export function periodicJobs(context: AppContext): PeriodicJob[] {
	const db = context.database.db;
	return [
		{ name: 'sweep-expired', everyMs: 60 * 60_000, run: async () => void (await sweepExpired(db)) },
		{ name: 'search-proposals', everyMs: 15_000, run: async () => void (await reindexProposals(context.database)) },
		// "Due in two days" and "overdue", each once per item and due day; delivered live where the owner is connected.
		{ name: 'action-item-reminders', everyMs: 10 * 60_000, run: async () => deliverNotices(context.io, db, await sendDueReminders(db)) }
	];
}

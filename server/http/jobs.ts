// The cluster's periodic jobs. Each runs on one node at a time (a database lease).
import type { PeriodicJob } from '../cluster/lease';
import type { AppContext } from './context';
import { sweepExpired } from '../domain/housekeeping';
import { reindexProposals } from '../domain/search/reindex';
import { sendDueReminders } from '../domain/action-items/reminders';
import { sendDueMails } from '../domain/mail/sender';
import { enqueueMeetingReminders } from '../domain/mail/reminder-mail';
import { sendDueDigests } from '../domain/mail/digest';

export function periodicJobs(context: AppContext, holder: string): PeriodicJob[] {
	const db = context.database.db;
	const mail = context.config.mail;
	return [
		{ name: 'sweep-expired', everyMs: 60 * 60_000, run: async () => void (await sweepExpired(db)) },
		{ name: 'search-proposals', everyMs: 15_000, run: async () => void (await reindexProposals(context.database)) },
		// "Due in two days" and "overdue", each once per item and due day; delivered live where the owner is connected.
		{ name: 'action-item-reminders', everyMs: 10 * 60_000, run: async () => context.live.notify(await sendDueReminders(db)) },
		// Meeting reminders and digests are outbox rows written once (a dedupe key, a moved due
		// time), so a second run or a second node writes nothing more.
		{ name: 'mail-reminders', everyMs: mail.scanEveryMs, run: async () => void (await enqueueMeetingReminders(db, mail.reminderLeadMs)) },
		{ name: 'mail-digests', everyMs: mail.scanEveryMs, run: async () => void (await sendDueDigests(db)) },
		// The outbox's sender (server/domain/mail/sender.ts); each mail is claimed too, so a node
		// that keeps going after losing this job's lease still never sends a mail another holds.
		{
			name: 'mail-sender',
			everyMs: mail.everyMs,
			run: async () =>
				void (await sendDueMails(db, context.mail, {
					holder,
					leaseMs: mail.leaseMs,
					retryMs: mail.retryMs,
					attempts: mail.attempts,
					from: mail.from,
					origin: context.publicOrigin
				}))
		}
	];
}

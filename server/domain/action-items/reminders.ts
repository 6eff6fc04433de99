// The periodic reminder job (server/http/jobs.ts, once per cluster): "due in two days" and
// "overdue", each sent once per item and due day, to owners who want them.
import type { Db } from '../../db/client';
import { addDays, dueState, todayIn } from '../../../shared/action-items';
import { notify, type Notice, type NotificationSpec } from './notifications';
import { zoneOf } from './item-views';

/** Finds items entering the due-soon window or past their day, and notifies their owners. */
export async function sendDueReminders(db: Db, now = new Date()): Promise<Notice[]> {
	// No zone is more than 14 hours ahead of UTC, so nothing due later than this can be near.
	const horizon = addDays(todayIn('UTC', now), 3);
	const rows = await db.actionItem.findMany({
		where: { status: { not: 'DONE' }, dueDate: { lte: horizon }, owner: { user: { isNot: null } } },
		select: {
			id: true,
			dueDate: true,
			status: true,
			owner: { select: { user: { select: { id: true } } } },
			group: { select: { series: { select: { timeZone: true } } } }
		}
	});
	const specs: NotificationSpec[] = [];
	for (const r of rows) {
		const userId = r.owner.user?.id;
		if (!userId) continue;
		const { state } = dueState(r.dueDate, r.status, zoneOf(r.group), now);
		const kind = state === 'overdue' ? 'OVERDUE' : state === 'soon' ? 'DUE_SOON' : null;
		if (kind) specs.push({ userId, kind, actionItemId: r.id, dedupeKey: `${kind}:${r.id}:${r.dueDate}:${userId}` });
	}
	return notify(db, specs);
}

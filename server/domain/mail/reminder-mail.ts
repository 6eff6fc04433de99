// The meeting reminder: a periodic job (server/http/jobs.ts) mails each member of a group, a
// set time before its next meeting (RAHKAR_MAIL_REMINDER_HOURS), a reminder with its time and
// place, unless they turned reminders off. A cancelled (or already started) meeting gets none.
// Each reminder is written once per meeting, start time and person, whichever node's run writes
// it first (the outbox's dedupe key); a meeting moved to a new time is reminded of again.
import type { Db } from '../../db/client';
import { enqueueOnce } from './outbox';
import { groupRecipients } from './recipients';

export interface ReminderMailPayload {
	meetingId: string;
	groupName: string;
	startsAt: string;
	timeZone: string;
	place: string;
	link: string;
	/** Whole hours from the reminder to the meeting (at least one). */
	leadHours: number;
}

const reminderKey = (meetingId: string, startsAt: Date, personId: string) =>
	`meeting-reminder:${meetingId}:${startsAt.toISOString()}:${personId}`;

/** Writes the reminders due now: for every scheduled meeting starting within `leadMs`, one per
 * member who wants reminders and has none for it yet. Returns how many it wrote. */
export async function enqueueMeetingReminders(db: Db, leadMs: number, now = new Date()): Promise<number> {
	const meetings = await db.meeting.findMany({
		where: { status: 'SCHEDULED', startsAt: { gt: now, lte: new Date(now.getTime() + leadMs) } },
		select: {
			id: true,
			groupId: true,
			startsAt: true,
			place: true,
			link: true,
			series: { select: { timeZone: true } },
			group: { select: { name: true, organisationId: true } }
		}
	});
	let written = 0;
	for (const m of meetings) {
		const recipients = await groupRecipients(db, m.groupId, 'reminders');
		const keys = recipients.map((r) => reminderKey(m.id, m.startsAt, r.personId));
		const done = new Set(
			(await db.mailOutbox.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey)
		);
		const payload: ReminderMailPayload = {
			meetingId: m.id,
			groupName: m.group.name,
			startsAt: m.startsAt.toISOString(),
			timeZone: m.series?.timeZone ?? 'Asia/Tehran',
			place: m.place,
			link: m.link,
			leadHours: Math.max(1, Math.round((m.startsAt.getTime() - now.getTime()) / 3_600_000))
		};
		for (const [i, r] of recipients.entries()) {
			if (done.has(keys[i])) continue;
			const wrote = await enqueueOnce(db, {
				kind: 'meeting-reminder',
				organisationId: m.group.organisationId,
				to: { address: r.address, name: r.name },
				personId: r.personId,
				userId: r.userId,
				locale: r.locale,
				payload: { ...payload },
				dedupeKey: keys[i]
			});
			if (wrote) written++;
		}
	}
	return written;
}

// Action item notices by mail: the notices notify() makes (action-items/notifications.ts) go to their
// person's inbox as well — assigned, due soon, overdue — each kind with its own mail switch,
// apart from the in-app one. A notice made once (a reminder's dedupe key) is mailed once.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import type { NotificationKind } from '../../../shared/action-items';
import type { MailTopic } from '../../../shared/mail';
import type { MailKind } from './kinds';
import { enqueueMail, enqueueOnce, type NewMail } from './outbox';
import { optedOut } from './preferences';
import { zoneOf } from '../action-items/item-views';

export interface ActionItemMailPayload {
	actionItemId: string;
	title: string;
	/** The due day, YYYY-MM-DD in the group's zone. */
	dueDate: string;
	groupName: string;
	timeZone: string;
	byName: string | null;
}

const MAILED: Partial<Record<NotificationKind, { kind: MailKind; topic: MailTopic }>> = {
	ASSIGNED: { kind: 'action-assigned', topic: 'action-assigned' },
	DUE_SOON: { kind: 'action-due-soon', topic: 'action-due' },
	OVERDUE: { kind: 'action-overdue', topic: 'action-overdue' }
};

export interface MailedNotice {
	userId: string;
	kind: NotificationKind;
	actionItemId: string;
	byName?: string;
	dedupeKey?: string;
}

/** Mails these notices to whoever wants each kind by mail. With a dedupe key (the reminder
 * job, outside a transaction) each is written once; without, in the caller's transaction. */
export async function mailNotices(db: Db | Tx, notices: MailedNotice[]): Promise<void> {
	const wanted = notices.filter((n) => MAILED[n.kind]);
	if (wanted.length === 0) return;
	const users = await db.user.findMany({
		where: { id: { in: [...new Set(wanted.map((n) => n.userId))] }, personId: { not: null } },
		select: { id: true, name: true, email: true, locale: true, personId: true, organisationId: true }
	});
	const items = await db.actionItem.findMany({
		where: { id: { in: [...new Set(wanted.map((n) => n.actionItemId))] } },
		select: { id: true, title: true, dueDate: true, group: { select: { name: true, series: { select: { timeZone: true } } } } }
	});
	const personIds = users.map((u) => u.personId!);
	const out = new Map<MailTopic, Set<string>>();
	for (const { topic } of Object.values(MAILED)) out.set(topic, await optedOut(db, personIds, topic));
	for (const n of wanted) {
		const { kind, topic } = MAILED[n.kind]!;
		const user = users.find((u) => u.id === n.userId);
		const item = items.find((i) => i.id === n.actionItemId);
		if (!user || !item || out.get(topic)!.has(user.personId!)) continue;
		const payload: ActionItemMailPayload = {
			actionItemId: item.id,
			title: item.title,
			dueDate: item.dueDate,
			groupName: item.group.name,
			timeZone: zoneOf(item.group),
			byName: n.byName ?? null
		};
		const mail: NewMail = {
			kind,
			organisationId: user.organisationId,
			to: { address: user.email, name: user.name },
			personId: user.personId,
			userId: user.id,
			locale: user.locale ?? 'fa',
			payload: { ...payload }
		};
		if (n.dedupeKey) await enqueueOnce(db, { ...mail, dedupeKey: `mail:${n.dedupeKey}` });
		else await enqueueMail(db, mail);
	}
}

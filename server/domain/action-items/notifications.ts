// In-app notifications — about action items, and about comments that mention a user
// (server/domain/discussion): made here (respecting each user's preferences, one switch per
// kind), read and marked read here. Delivery (Socket.IO) is the adapters' job: the
// functions that notify return the notices they made.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import {
	NOTIFICATION_KINDS,
	type ActionStatus,
	type NotificationKind,
	type NotificationPreferences,
	type NotificationView
} from '../../../shared/action-items';
import { zoneOf } from './item-views';
import { mailNotices } from '../mail/action-item-mail';
import type { Notice, UnreadChanged } from '../changes';

export type { Notice } from '../changes';

export type NotificationSpec = {
	userId: string;
	status?: ActionStatus;
	byName?: string;
	/** Reminders pass one, so each is made once (see reminders.ts). */
	dedupeKey?: string;
} & ({ kind: Exclude<NotificationKind, 'MENTIONED'>; actionItemId: string } | { kind: 'MENTIONED'; commentId: string });

const FIELD: Record<NotificationKind, 'assigned' | 'dueSoon' | 'overdue' | 'statusChanged' | 'mentioned'> = {
	ASSIGNED: 'assigned',
	DUE_SOON: 'dueSoon',
	OVERDUE: 'overdue',
	STATUS_CHANGED: 'statusChanged',
	MENTIONED: 'mentioned'
};

const ALL_ON = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as NotificationPreferences;

/** What a user wants; every kind until they choose otherwise. */
export async function preferences(db: Db | Tx, userId: string): Promise<NotificationPreferences> {
	const row = await db.notificationPreference.findUnique({ where: { userId } });
	if (!row) return { ...ALL_ON };
	return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, row[FIELD[k]]])) as NotificationPreferences;
}

/** Saves the user's switches; a kind left out keeps its current setting. */
export async function savePreferences(db: Db, userId: string, prefs: Partial<NotificationPreferences>): Promise<void> {
	const data = Object.fromEntries(NOTIFICATION_KINDS.filter((k) => k in prefs).map((k) => [FIELD[k], prefs[k] === true]));
	await db.notificationPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

const include = {
	actionItem: {
		select: {
			id: true,
			title: true,
			dueDate: true,
			status: true,
			group: { select: { name: true, series: { select: { timeZone: true } } } }
		}
	},
	comment: { select: { id: true, proposal: { select: { id: true, title: true, group: { select: { name: true } } } } } }
} as const;

type Row = Awaited<ReturnType<typeof readRows>>[number];
const readRows = (db: Db | Tx, where: { id?: { in: string[] }; userId?: string }, take?: number) =>
	db.notification.findMany({ where, include, orderBy: { createdAt: 'desc' }, ...(take ? { take } : {}) });

function view(n: Row): NotificationView {
	const base = { id: n.id, createdAt: n.createdAt.toISOString(), read: n.readAt !== null, status: n.status, byName: n.byName };
	if (n.kind === 'MENTIONED') {
		// The comment is set for every mention (the row goes with it).
		const proposal = n.comment!.proposal;
		return {
			...base,
			kind: n.kind,
			comment: { id: n.comment!.id, proposalId: proposal.id, proposalTitle: proposal.title, groupName: proposal.group.name }
		};
	}
	const item = n.actionItem!;
	return {
		...base,
		kind: n.kind,
		item: {
			id: item.id,
			title: item.title,
			dueDate: item.dueDate,
			status: item.status,
			groupName: item.group.name,
			timeZone: zoneOf(item.group)
		}
	};
}

/** Makes the notifications their users want (and that were not made before, for those
 * with a dedupe key), mails those who want them by mail (each kind its own switch, in
 * mail/action-item-mail.ts); returns the in-app ones for live delivery. */
export async function notify(db: Db | Tx, specs: NotificationSpec[]): Promise<Notice[]> {
	if (specs.length === 0) return [];
	await mailNotices(
		db,
		specs.flatMap((s) => ('actionItemId' in s ? [s] : []))
	);
	const keys = specs.flatMap((s) => (s.dedupeKey ? [s.dedupeKey] : []));
	const seen = new Set(
		keys.length
			? (await db.notification.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((n) => n.dedupeKey)
			: []
	);
	const prefs = new Map<string, NotificationPreferences>();
	const ids: string[] = [];
	for (const spec of specs) {
		if (spec.dedupeKey && seen.has(spec.dedupeKey)) continue;
		if (!prefs.has(spec.userId)) prefs.set(spec.userId, await preferences(db, spec.userId));
		if (!prefs.get(spec.userId)![spec.kind]) continue;
		try {
			const row = await db.notification.create({
				data: {
					userId: spec.userId,
					kind: spec.kind,
					...(spec.kind === 'MENTIONED' ? { commentId: spec.commentId } : { actionItemId: spec.actionItemId }),
					status: spec.status ?? null,
					byName: spec.byName ?? null,
					dedupeKey: spec.dedupeKey ?? null
				},
				select: { id: true }
			});
			ids.push(row.id);
			if (spec.dedupeKey) seen.add(spec.dedupeKey);
		} catch (error) {
			// Made meanwhile by another node: the unique key says it exists; nothing to do.
			if (!(spec.dedupeKey && (error as { code?: string }).code === 'P2002')) throw error;
		}
	}
	if (ids.length === 0) return [];
	const rows = await readRows(db, { id: { in: ids } });
	return rows.map((n) => ({ userId: n.userId, notification: view(n) }));
}

/** A user's latest notifications, newest first. */
export async function notificationsFor(db: Db, userId: string, take = 50): Promise<NotificationView[]> {
	return (await readRows(db, { userId }, take)).map(view);
}

export const unreadCount = (db: Db, userId: string): Promise<number> => db.notification.count({ where: { userId, readAt: null } });

/** Marks the given notifications of this user read (all of them without ids); says how many
 * are still unread. */
export async function markRead(db: Db, userId: string, ids?: string[], now = new Date()): Promise<UnreadChanged> {
	await db.notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: now } });
	return { kind: 'unread', userId, unread: await unreadCount(db, userId) };
}

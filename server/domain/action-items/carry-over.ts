// Carry-over. A meeting's follow-ups are the group's items from before it that are still
// open, plus those finished since the previous meeting closed, so the room hears what was
// done. Items stay one row each (no copies): while a meeting is scheduled or live its list
// is read fresh, so an owner's change shows at once; closing the meeting records every
// listed item as it stood (ActionItemSnapshot), and a closed meeting shows that record.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import { byDue, todayIn, type ActionStatus, type FollowUpItem, type FollowUpsView } from '../../../shared/action-items';
import { DomainError } from '../errors';
import { itemInclude, itemView, zoneOf } from './item-views';

type Client = Db | Tx;

export interface CarryRow {
	id: string;
	meetingId: string | null;
	status: ActionStatus;
	doneAt: Date | null;
	/** The meeting the item was made in, if any. */
	origin: { startsAt: Date } | null;
	/** The status the latest earlier meeting recorded for it, if one did. */
	lastReport: ActionStatus | null;
}

/** The rule, pure: which of a group's items a meeting lists. `created`: made in it.
 * `carried`: made before it (in an earlier meeting or between meetings) and either still
 * open, or done but not yet heard as done: finished since the previous meeting closed
 * (`previousClose`; null when there was none), or last recorded as open (an owner who
 * finished in the very moment the previous meeting closed). */
export function selectFollowUps<T extends CarryRow>(
	items: T[],
	meeting: { id: string; startsAt: Date },
	previousClose: Date | null
): { carried: T[]; created: T[] } {
	const created = items.filter((i) => i.meetingId === meeting.id);
	const carried = items.filter((i) => {
		if (i.meetingId === meeting.id) return false;
		// Made in a later meeting (this one was skipped and is still scheduled): not carried back.
		if (i.origin && i.origin.startsAt.getTime() >= meeting.startsAt.getTime()) return false;
		if (i.status !== 'DONE') return true;
		if (i.lastReport !== null && i.lastReport !== 'DONE') return true;
		return i.doneAt !== null && (previousClose === null || i.doneAt.getTime() >= previousClose.getTime());
	});
	return { carried, created };
}

export interface Reported {
	meetingId: string;
	startsAt: Date;
	status: ActionStatus;
}

/** Where an item comes from into a meeting, and how many closed meetings recorded it still
 * open: its latest earlier record, or else the meeting it was made in. */
export function carriedFrom(
	reports: Reported[],
	origin: { meetingId: string; startsAt: Date } | null,
	meeting: { id: string; startsAt: Date }
): { from: { meetingId: string; startsAt: Date } | null; times: number } {
	const earlier = reports.filter((r) => r.meetingId !== meeting.id && r.startsAt.getTime() < meeting.startsAt.getTime());
	const latest = earlier.reduce<Reported | null>((a, r) => (!a || r.startsAt > a.startsAt ? r : a), null);
	const from = latest ?? (origin && origin.meetingId !== meeting.id ? origin : null);
	return {
		from: from ? { meetingId: from.meetingId, startsAt: from.startsAt } : null,
		times: earlier.filter((r) => r.status !== 'DONE').length
	};
}

const meetingSelect = {
	id: true,
	groupId: true,
	startsAt: true,
	status: true,
	closedAt: true,
	group: { select: { cadenceDays: true, series: { select: { timeZone: true } } } }
} as const;
type MeetingRow = NonNullable<Awaited<ReturnType<typeof readMeeting>>>;
const readMeeting = (client: Client, meetingId: string) => client.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });

/** The due day the quick-add form suggests: the day of the group's next meeting. */
async function suggestedDue(client: Client, meeting: MeetingRow): Promise<string | null> {
	const zone = zoneOf(meeting.group);
	const next = await client.meeting.findFirst({
		where: { groupId: meeting.groupId, startsAt: { gt: meeting.startsAt }, status: { in: ['SCHEDULED', 'LIVE'] } },
		orderBy: { startsAt: 'asc' },
		select: { startsAt: true }
	});
	const at = next?.startsAt.getTime() ?? meeting.startsAt.getTime() + meeting.group.cadenceDays * 86_400_000;
	return todayIn(zone, at);
}

/** The meeting's decisions, named by their text or else their proposal's title. */
async function decisionsOf(client: Client, meetingId: string) {
	const rows = await client.decision.findMany({
		where: { meetingId },
		orderBy: { decidedAt: 'asc' },
		select: { id: true, text: true, proposal: { select: { title: true } } }
	});
	return rows.map((d) => ({ id: d.id, label: d.text.trim() || d.proposal?.title || '' }));
}

/** The lists as they stand now (for a meeting that is not closed, or while closing it). */
async function liveLists(client: Client, meeting: MeetingRow) {
	const previous = await client.meeting.findFirst({
		where: { groupId: meeting.groupId, status: 'CLOSED', id: { not: meeting.id }, startsAt: { lt: meeting.startsAt } },
		orderBy: { startsAt: 'desc' },
		select: { closedAt: true }
	});
	const previousClose = previous?.closedAt ?? null;
	// Done items: those finished since the previous close, and a margin for the rare one
	// finished while that meeting was closing (the rule above decides from its record).
	const doneSince = previousClose ? { gte: new Date(previousClose.getTime() - 3_600_000) } : { not: null };
	const rows = await client.actionItem.findMany({
		where: { groupId: meeting.groupId, OR: [{ status: { not: 'DONE' } }, { doneAt: doneSince }, { meetingId: meeting.id }] },
		include: { ...itemInclude, meeting: { select: { startsAt: true } } }
	});
	const reports = await client.actionItemSnapshot.findMany({
		where: { actionItemId: { in: rows.map((i) => i.id) }, meetingId: { not: meeting.id } },
		select: { actionItemId: true, meetingId: true, status: true, meeting: { select: { startsAt: true } } }
	});
	const reportsOf = (id: string): Reported[] =>
		reports
			.filter((s) => s.actionItemId === id && s.meeting.startsAt.getTime() < meeting.startsAt.getTime())
			.map((s) => ({ meetingId: s.meetingId, status: s.status, startsAt: s.meeting.startsAt }));
	const { carried, created } = selectFollowUps(
		rows.map((r) => {
			const latest = reportsOf(r.id).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
			return { ...r, origin: r.meeting, lastReport: latest?.status ?? null };
		}),
		meeting,
		previousClose
	);
	const item = (r: (typeof rows)[number]): FollowUpItem => {
		const origin = r.meetingId && r.meeting ? { meetingId: r.meetingId, startsAt: r.meeting.startsAt } : null;
		const { from, times } = carriedFrom(reportsOf(r.id), origin, meeting);
		return {
			...itemView(r, false),
			carriedFrom: from ? { meetingId: from.meetingId, startsAt: from.startsAt.toISOString() } : null,
			timesCarried: times
		};
	};
	return { carried: carried.map(item).sort(byDue), created: created.map(item).sort(byDue) };
}

/** A meeting's follow-ups: fresh while it is scheduled or live, the closing record once closed. */
export async function meetingFollowUps(db: Db, meetingId: string, now = new Date()): Promise<FollowUpsView> {
	const stamp = Date.now();
	const meeting = await readMeeting(db, meetingId);
	if (!meeting) throw new DomainError('NOT_FOUND', 'meeting not found');
	const base = {
		meetingId,
		groupId: meeting.groupId,
		stamp,
		timeZone: zoneOf(meeting.group),
		suggestedDue: await suggestedDue(db, meeting),
		decisions: await decisionsOf(db, meetingId)
	};
	if (meeting.status === 'CLOSED') {
		const recorded = await recordedLists(db, meeting);
		return { ...base, frozen: true, asOf: (meeting.closedAt ?? now).toISOString(), ...recorded };
	}
	return { ...base, frozen: false, asOf: now.toISOString(), ...(await liveLists(db, meeting)) };
}

/** What a closed meeting recorded, shaped like the live lists (links point at the items). */
async function recordedLists(db: Db, meeting: MeetingRow) {
	const rows = await db.actionItemSnapshot.findMany({
		where: { meetingId: meeting.id },
		include: { actionItem: { include: itemInclude } }
	});
	const fromIds = [...new Set(rows.flatMap((r) => (r.carriedOverFromMeetingId ? [r.carriedOverFromMeetingId] : [])))];
	const starts = new Map(
		(await db.meeting.findMany({ where: { id: { in: fromIds } }, select: { id: true, startsAt: true } })).map((m) => [m.id, m.startsAt])
	);
	const counts = await db.actionItemSnapshot.groupBy({
		by: ['actionItemId'],
		where: {
			actionItemId: { in: rows.map((r) => r.actionItemId) },
			status: { not: 'DONE' },
			meeting: { startsAt: { lt: meeting.startsAt } }
		},
		_count: { _all: true }
	});
	const times = new Map(counts.map((c) => [c.actionItemId, c._count._all]));
	const item = (r: (typeof rows)[number]): FollowUpItem => {
		const current = itemView(r.actionItem, false);
		const fromStart = r.carriedOverFromMeetingId ? starts.get(r.carriedOverFromMeetingId) : undefined;
		return {
			...current,
			// As reported when the meeting closed, not as the item stands today.
			title: r.title,
			ownerName: r.ownerName,
			side: r.side,
			dueDate: r.dueDate,
			status: r.status,
			blockedReason: r.blockedReason,
			lastNote: r.lastNote ? { text: r.lastNote, at: r.recordedAt.toISOString(), byName: null } : null,
			carriedFrom:
				r.carriedOverFromMeetingId && fromStart ? { meetingId: r.carriedOverFromMeetingId, startsAt: fromStart.toISOString() } : null,
			timesCarried: times.get(r.actionItemId) ?? 0
		};
	};
	return {
		carried: rows
			.filter((r) => !r.createdHere)
			.map(item)
			.sort(byDue),
		created: rows
			.filter((r) => r.createdHere)
			.map(item)
			.sort(byDue)
	};
}

/** Called inside the transaction that closes a meeting: records every item the meeting
 * lists (carried in or made here) with the status it has at that moment. */
export async function recordFollowUpsAtClose(tx: Tx, meetingId: string, now: Date): Promise<number> {
	const meeting = await readMeeting(tx, meetingId);
	if (!meeting) throw new DomainError('NOT_FOUND', 'meeting not found');
	const { carried, created } = await liveLists(tx, meeting);
	const rows = [...carried.map((i) => ({ i, here: false })), ...created.map((i) => ({ i, here: true }))].map(({ i, here }) => ({
		meetingId,
		actionItemId: i.id,
		title: i.title,
		ownerName: i.ownerName,
		side: i.side,
		dueDate: i.dueDate,
		status: i.status,
		blockedReason: i.blockedReason,
		lastNote: i.lastNote?.text ?? null,
		createdHere: here,
		carriedOverFromMeetingId: here ? null : (i.carriedFrom?.meetingId ?? null),
		recordedAt: now
	}));
	if (rows.length) await tx.actionItemSnapshot.createMany({ data: rows });
	return rows.length;
}

/** The group's meetings whose follow-ups can still change: the live ones and the
 * scheduled ones not yet past. */
export async function openMeetings(db: Db, groupId: string, now = new Date()): Promise<string[]> {
	const rows = await db.meeting.findMany({
		where: {
			groupId,
			OR: [{ status: 'LIVE' }, { status: 'SCHEDULED', startsAt: { gt: new Date(now.getTime() - 86_400_000) } }]
		},
		select: { id: true }
	});
	return rows.map((m) => m.id);
}

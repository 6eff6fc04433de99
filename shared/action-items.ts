// Action items' words, shapes and pure rules, shared by the server and the browser:
// statuses and the moves between them, due days in a group's time zone, and what the
// follow-ups section and the notification bell receive.
import type { Side } from './sides';
import type { GroupRole } from './sides';

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where an item may go from each status. Work can stall and resume, and a done item can
 * be reopened; BLOCKED always carries a reason (enforced in the domain). */
export const NEXT_STATUSES: Record<ActionStatus, readonly ActionStatus[]> = {
	OPEN: ['IN_PROGRESS', 'BLOCKED', 'DONE'],
	IN_PROGRESS: ['OPEN', 'BLOCKED', 'DONE'],
	BLOCKED: ['OPEN', 'IN_PROGRESS', 'DONE'],
	DONE: ['IN_PROGRESS']
};

export const canMove = (from: ActionStatus, to: ActionStatus): boolean => NEXT_STATUSES[from].includes(to);

export const MAX_ACTION_TITLE = 300;
export const MAX_ACTION_NOTE = 2000;
export const DEFAULT_TIME_ZONE = 'Asia/Tehran';

// ---- Days ----
// A due date is a calendar day ("YYYY-MM-DD", what <input type=date> sends), not an
// instant: "due on 29 Esfand" means until the end of that day where the group meets.
// Days are compared as days (UTC arithmetic on the numbers), and "today" is read in the
// group's time zone through Intl, so neither the server's nor the browser's zone matters.

export type Day = string;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real Gregorian day between the years 2000 and 2199. */
export function isDay(s: unknown): s is Day {
	if (typeof s !== 'string') return false;
	const m = DAY.exec(s);
	if (!m) return false;
	const [y, mo, d] = [+m[1], +m[2], +m[3]];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return y >= 2000 && y < 2200 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const utcOf = (day: Day): number => {
	const m = DAY.exec(day);
	if (!m) throw new RangeError(`not a day: ${day}`);
	return Date.UTC(+m[1], +m[2] - 1, +m[3]);
};
const dayOfUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number => Math.round((utcOf(to) - utcOf(from)) / 86_400_000);

export const addDays = (day: Day, n: number): Day => dayOfUtc(utcOf(day) + n * 86_400_000);

/** Noon UTC of a day: formatted with timeZone 'UTC' it shows that day in any calendar,
 * whatever zone the formatting machine is in. */
export const dayAsDate = (day: Day): Date => new Date(utcOf(day) + 12 * 3_600_000);

const todayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day it is at `now` in a time zone. */
export function todayIn(timeZone: string, now: Date | number = Date.now()): Day {
	let f = todayFormatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		todayFormatters.set(timeZone, f);
	}
	const p: Record<string, string> = {};
	for (const part of f.formatToParts(now)) p[part.type] = part.value;
	return `${p.year}-${p.month}-${p.day}`;
}

/** Items due within this many days (today included) count as due soon. */
export const DUE_SOON_DAYS = 2;

export type DueState = 'done' | 'overdue' | 'soon' | 'later';

/** Where an item stands against its due day, at `now`, where its group meets:
 * overdue from the first moment of the day after the due day; due soon from two days
 * before it. `days` is how many days are left (negative: how many days late). */
export function dueState(
	dueDate: Day,
	status: ActionStatus,
	timeZone: string,
	now: Date | number = Date.now()
): { state: DueState; days: number } {
	const days = daysBetween(todayIn(timeZone, now), dueDate);
	if (status === 'DONE') return { state: 'done', days };
	return { state: days < 0 ? 'overdue' : days <= DUE_SOON_DAYS ? 'soon' : 'later', days };
}

/** Earliest due first; among equal days, overdue-or-blocked work before the rest, then by title. */
export function byDue<T extends { dueDate: Day; status: ActionStatus; title: string }>(a: T, b: T): number {
	const rank = (s: ActionStatus) => (s === 'DONE' ? 2 : s === 'BLOCKED' ? 0 : 1);
	return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : rank(a.status) - rank(b.status) || a.title.localeCompare(b.title);
}

// ---- What the browser receives ----

export interface ActionNoteView {
	text: string;
	at: string;
	byName: string | null;
}

/** One item as the lists, My actions and the follow-ups show it. */
export interface ActionItemView {
	id: string;
	groupId: string;
	groupName: string;
	title: string;
	ownerPersonId: string;
	ownerName: string;
	side: Side | null;
	dueDate: Day;
	status: ActionStatus;
	blockedReason: string | null;
	timeZone: string;
	meetingId: string | null;
	agendaItemId: string | null;
	decisionId: string | null;
	proposalId: string | null;
	outcomeId: string | null;
	lastNote: ActionNoteView | null;
	createdAt: string;
	updatedAt: string;
	doneAt: string | null;
	/** May the viewer change its status and add notes (owner, moderator, administrator). */
	canChange: boolean;
}

/** An item in a meeting's follow-ups: where it was carried over from, and how often. */
export interface FollowUpItem extends ActionItemView {
	/** The earlier meeting this item comes from (its last reported meeting, or where it was made). */
	carriedFrom: { meetingId: string; startsAt: string } | null;
	/** How many closed meetings recorded it still open. */
	timesCarried: number;
}

export interface FollowUpsView {
	meetingId: string;
	groupId: string;
	/** When this list was read; a client keeps the newest it has seen. */
	stamp: number;
	/** True once the meeting is closed: the list is what was recorded at that moment. */
	frozen: boolean;
	/** The instant due states are measured at: now, or the moment the meeting closed. */
	asOf: string;
	timeZone: string;
	/** Open items from before this meeting, and those finished since the previous one. */
	carried: FollowUpItem[];
	/** Items made in this meeting. */
	created: FollowUpItem[];
	/** A sensible due day for a new item: the group's next meeting after this one. */
	suggestedDue: Day | null;
	/** The decisions taken in this meeting, so a new item can be tied to one. */
	decisions: { id: string; label: string }[];
}

/** Every kind of in-app notification; MENTIONED is about a comment (shared/discussion.ts),
 * the others about an action item. */
export const NOTIFICATION_KINDS = ['ASSIGNED', 'DUE_SOON', 'OVERDUE', 'STATUS_CHANGED', 'MENTIONED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

interface NotificationBase {
	id: string;
	createdAt: string;
	read: boolean;
	/** For STATUS_CHANGED: the status it was moved to; for it and MENTIONED: by whom. */
	status: ActionStatus | null;
	byName: string | null;
}

export interface ActionItemNotificationView extends NotificationBase {
	kind: Exclude<NotificationKind, 'MENTIONED'>;
	item: { id: string; title: string; dueDate: Day; status: ActionStatus; groupName: string; timeZone: string };
}

/** Someone mentioned the user in a comment on a proposal. */
export interface MentionNotificationView extends NotificationBase {
	kind: 'MENTIONED';
	comment: { id: string; proposalId: string; proposalTitle: string; groupName: string };
}

export type NotificationView = ActionItemNotificationView | MentionNotificationView;

export type NotificationPreferences = Record<NotificationKind, boolean>;

/** What an item was made for, "later from a proposal or outcome". */
export type ItemLink = { proposalId: string } | { outcomeId: string };

export interface LinkedActionItems {
	groupId: string;
	/** May the actor add items for it (on the group's list, with the link filled in). */
	canCreate: boolean;
	items: ActionItemView[];
}

export interface HistoryEntry {
	id: string;
	kind: 'CREATED' | 'STATUS' | 'NOTE' | 'EDITED';
	fromStatus: ActionStatus | null;
	toStatus: ActionStatus | null;
	reason: string | null;
	note: string;
	/** For edits: field → [before, after]. */
	changes: Record<string, [string | null, string | null]> | null;
	byName: string | null;
	at: string;
}

export interface Seat {
	personId: string;
	name: string;
	side: Side;
	role: GroupRole;
}

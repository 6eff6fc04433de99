// Calendar files (iCalendar, through the `ics` library): a subscribable feed per group and
// one file per meeting. Times are written in UTC, so every calendar app places them right.
import type { EventAttributes } from 'ics';
import type { Db } from '../../db/client';
import { groupAccess, type Actor } from '../access';
import { calendarFile } from '../calendar-file';
import { DomainError } from '../errors';
import { meetingAccess } from './meeting-access';
import { ensureOccurrences } from './series';

/** How far back the feed reaches; older meetings stay in subscribers' calendars anyway. */
const FEED_DAYS_BACK = 180;

export type CalendarMeeting = Row;
type Row = {
	id: string;
	startsAt: Date;
	durationMinutes: number;
	place: string;
	link: string;
	status: string;
	version: number;
	updatedAt: Date;
	group: { name: string };
	/** Set when the meeting moved off a day off (schedule.ts); the feed says why. */
	shiftedFrom?: Date | null;
	shiftHoliday?: string | null;
	series?: { timeZone: string } | null;
};

/** Words for a meeting that moved off a day off, in the reader's language (the route's). */
export type ShiftWords = (shift: { from: Date; holiday: string | null }, timeZone: string) => string;

function note(m: Row, words?: ShiftWords): string {
	if (!words || !m.shiftedFrom) return '';
	return words({ from: m.shiftedFrom, holiday: m.shiftHoliday ?? null }, m.series?.timeZone ?? 'Asia/Tehran');
}

function event(m: Row, origin: string, words?: ShiftWords): EventAttributes {
	const url = `${origin}/meetings/${m.id}`;
	return {
		uid: `meeting-${m.id}@rahkar`,
		title: m.group.name,
		start: m.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		duration: { minutes: m.durationMinutes },
		location: m.place || m.link || undefined,
		url,
		description: [note(m, words), m.place && m.link ? m.link : '', url].filter(Boolean).join('\n'),
		status: m.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
		// Calendar apps replace an event when its SEQUENCE grows; every change bumps version.
		sequence: m.version,
		lastModified: m.updatedAt.getTime()
	};
}

function render(rows: Row[], calName: string, origin: string, words?: ShiftWords): string {
	return calendarFile(
		rows.map((m) => event(m, origin, words)),
		{ productId: '-//Rahkar//Meetings//EN', calName }
	);
}

/** One meeting as an invitation (RFC 5546): REQUEST for a new or changed meeting, CANCEL
 * for a cancelled one. The UID and SEQUENCE are the feed's, so a calendar app that has the
 * meeting from either place updates the one event. */
export function meetingInvitation(
	m: Row,
	origin: string,
	people: { organizer: { name: string; email: string }; attendee: { name: string; email: string } }
): { method: 'REQUEST' | 'CANCEL'; content: string } {
	const method = m.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
	const base = event(m, origin);
	const content = calendarFile(
		[
			{
				...base,
				organizer: people.organizer,
				attendees: [{ ...people.attendee, rsvp: false, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }]
			}
		],
		{ productId: '-//Rahkar//Meetings//EN', method }
	);
	return { method, content };
}

const include = { group: { select: { name: true } }, series: { select: { timeZone: true } } } as const;

/** Who may read a group's feed: a signed-in reader of the group, or anyone holding the
 * feed's secret token (calendar apps send no cookies). Everyone else gets NOT_FOUND. */
export async function authoriseFeed(db: Db, groupId: string, actor: Actor | null, token: string | null): Promise<void> {
	if (token) {
		const series = await db.meetingSeries.findUnique({ where: { calendarToken: token }, select: { groupId: true } });
		if (series?.groupId === groupId) return;
		throw new DomainError('NOT_FOUND', 'no such calendar');
	}
	if (!actor) throw new DomainError('UNAUTHENTICATED', 'sign in or use the feed link');
	await groupAccess(db, actor, groupId);
}

/** The group's feed: its recent and upcoming meetings, cancelled ones marked so. */
export async function groupCalendar(db: Db, groupId: string, origin: string, now = new Date(), words?: ShiftWords): Promise<string> {
	const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { name: true, series: { select: { id: true } } } });
	if (group.series) await ensureOccurrences(db, group.series.id, now);
	const rows = await db.meeting.findMany({
		where: { groupId, startsAt: { gte: new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000) } },
		include,
		orderBy: { startsAt: 'asc' }
	});
	return render(rows, group.name, origin, words);
}

/** One meeting as a calendar file, for someone who may read its group. */
export async function meetingCalendar(db: Db, actor: Actor, meetingId: string, origin: string, words?: ShiftWords): Promise<string> {
	await meetingAccess(db, actor, meetingId);
	const row = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include });
	return render([row], row.group.name, origin, words);
}

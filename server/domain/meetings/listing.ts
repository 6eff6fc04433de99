// Reading meetings: a group's upcoming and past ones, and the dashboard's next few.
import type { Db } from '../../db/client';

import { groupAccess, type Actor } from '../access';
import { ensureOccurrences, seriesSettings } from './series';
import type { MeetingSummary } from '../../../shared/meeting-state';

export type { MeetingSummary } from '../../../shared/meeting-state';

const summaryInclude = { group: { select: { name: true } }, series: { select: { timeZone: true } } } as const;
type Row = Awaited<ReturnType<Db['meeting']['findMany']>>[number] & { group: { name: string }; series: { timeZone: string } | null };

/** A meeting as listed, with why it is not on its series' usual day (schedule.ts). */
export type ListedMeeting = MeetingSummary & { shiftedFrom: Date | null; shiftHoliday: string | null };

const summary = (m: Row): ListedMeeting => ({
	id: m.id,
	groupId: m.groupId,
	groupName: m.group.name,
	startsAt: m.startsAt,
	durationMinutes: m.durationMinutes,
	place: m.place,
	link: m.link,
	status: m.status,
	moved: m.movedAt !== null,
	timeZone: m.series?.timeZone ?? 'Asia/Tehran',
	shiftedFrom: m.shiftedFrom,
	shiftHoliday: m.shiftHoliday
});

const ended = (m: { startsAt: Date; durationMinutes: number }, now: Date) =>
	m.startsAt.getTime() + m.durationMinutes * 60_000 <= now.getTime();

/** A group's series settings, upcoming meetings (live first) and the last past ones. */
export async function groupMeetings(db: Db, actor: Actor, groupId: string, now = new Date()) {
	const access = await groupAccess(db, actor, groupId);
	const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { name: true, series: { select: { id: true } } } });
	if (group.series) await ensureOccurrences(db, group.series.id, now);
	const rows = (await db.meeting.findMany({ where: { groupId }, include: summaryInclude, orderBy: { startsAt: 'asc' } })) as Row[];
	const isUpcoming = (m: Row) => m.status === 'LIVE' || (!ended(m, now) && m.status !== 'CLOSED');
	return {
		group: { id: groupId, name: group.name },
		access,
		series: await seriesSettings(db, groupId, now),
		upcoming: rows.filter(isUpcoming).map(summary),
		past: rows
			.filter((m) => !isUpcoming(m))
			.reverse()
			.slice(0, 30)
			.map(summary)
	};
}

/** The next scheduled or live meetings across the actor's groups, soonest first. */
export async function upcomingForActor(db: Db, actor: Actor, now = new Date(), limit = 5): Promise<MeetingSummary[]> {
	const mine = {
		organisationId: actor.organisationId,
		...(actor.isAdmin ? {} : { memberships: { some: { personId: actor.personId ?? '' } } })
	};
	const series = await db.meetingSeries.findMany({ where: { group: mine }, select: { id: true } });
	for (const s of series) await ensureOccurrences(db, s.id, now);
	const rows = (await db.meeting.findMany({
		where: { group: mine, status: { in: ['SCHEDULED', 'LIVE'] }, startsAt: { gt: new Date(now.getTime() - 86_400_000) } },
		include: summaryInclude,
		orderBy: { startsAt: 'asc' }
	})) as Row[];
	return rows
		.filter((m) => m.status === 'LIVE' || !ended(m, now))
		.slice(0, limit)
		.map(summary);
}

/** Why a meeting is not on its series' usual day, or null (read after the caller checked
 * the reader may see the meeting). */
export async function meetingShift(db: Db, meetingId: string): Promise<{ from: Date; holiday: string | null } | null> {
	const m = await db.meeting.findUnique({ where: { id: meetingId }, select: { shiftedFrom: true, shiftHoliday: true, movedAt: true } });
	return m?.shiftedFrom && !m.movedAt ? { from: m.shiftedFrom, holiday: m.shiftHoliday } : null;
}

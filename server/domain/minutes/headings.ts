// What a search result needs to title a meeting's minutes in the reader's language and
// calendar: the group's name, when the meeting started and the zone the group meets in.
import type { Database } from '../../db/client';

export interface MinutesHeading {
	groupName: string;
	startsAt: string;
	timeZone: string;
}

/** Headings for the minutes among search hits, by meeting id. The hits come from a search
 * already limited to the actor's groups; the lookup stays inside those groups too. */
export async function minutesHeadings(
	database: Database,
	hits: { kind: string; refId: string; groupId: string }[]
): Promise<Record<string, MinutesHeading>> {
	const minutes = hits.filter((h) => h.kind === 'minutes');
	if (minutes.length === 0) return {};
	const meetings = await database.db.meeting.findMany({
		where: { id: { in: minutes.map((h) => h.refId) }, groupId: { in: [...new Set(minutes.map((h) => h.groupId))] } },
		select: { id: true, startsAt: true, group: { select: { name: true } }, series: { select: { timeZone: true } } }
	});
	return Object.fromEntries(
		meetings.map((m) => [
			m.id,
			{ groupName: m.group.name, startsAt: m.startsAt.toISOString(), timeZone: m.series?.timeZone ?? 'Asia/Tehran' }
		])
	);
}

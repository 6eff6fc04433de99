// Labels for the shared words, through the i18n layer.
import { m } from '$lib/paraglide/messages';
import type { GroupRole, Side } from '$shared/sides';
import type { MeetingRhythm } from '$shared/groups';
import { formatDate, formatNumber } from '$lib/format';

const SIDE: Record<Side, () => string> = {
	ENTREPRENEUR: m.side_ENTREPRENEUR,
	EXPERT: m.side_EXPERT,
	AGENCY: m.side_AGENCY,
	LEGAL: m.side_LEGAL,
	MEDIA: m.side_MEDIA,
	EXECUTOR: m.side_EXECUTOR
};
const ROLE: Record<GroupRole, () => string> = {
	MODERATOR: m.role_MODERATOR,
	MEMBER: m.role_MEMBER,
	EXECUTOR: m.role_EXECUTOR,
	OBSERVER: m.role_OBSERVER
};

export const sideLabel = (side: Side): string => SIDE[side]();
export const roleLabel = (role: GroupRole): string => ROLE[role]();

/** How often a group meets, as its series says: "every two weeks, on Saturday" for a weekly
 * series (the weekday in the series' zone, in the reader's language), otherwise every so
 * many days; without a series, the group's own number of days. */
export function meetsEvery(rhythm: MeetingRhythm | null, cadenceDays: number): string {
	if (!rhythm?.weekly || rhythm.cadenceDays % 7 !== 0)
		return m.group_meets_every({ days: formatNumber(rhythm?.cadenceDays ?? cadenceDays) });
	const weekday = formatDate(rhythm.firstStartsAt, undefined, { weekday: 'long', timeZone: rhythm.timeZone });
	const weeks = rhythm.cadenceDays / 7;
	return weeks === 1 ? m.group_meets_weekly({ weekday }) : m.group_meets_every_weeks({ weeks: formatNumber(weeks), weekday });
}

// Labels and formats for meetings, through the i18n layer.
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import type { MeetingStatus } from '$shared/meeting-state';

const STATUS: Record<MeetingStatus, () => string> = {
	SCHEDULED: m.meeting_status_SCHEDULED,
	LIVE: m.meeting_status_LIVE,
	CLOSED: m.meeting_status_CLOSED,
	CANCELLED: m.meeting_status_CANCELLED
};

export const statusLabel = (status: MeetingStatus): string => STATUS[status]();

/** The chip tone (web/app.css) of a meeting's status: a live meeting stands out. */
export const statusTone = (status: MeetingStatus): string =>
	({ SCHEDULED: '', LIVE: 'tone-strong', CLOSED: 'tone-accent', CANCELLED: 'tone-danger' })[status];

/** A meeting's weekday, date and time in its series' zone: Jalali in Persian, Gregorian
 * in English. Composed from parts, because ICU's "full" Persian pattern reads oddly. */
export const meetingWhen = (startsAt: Date | string, timeZone: string, style: 'long' | 'medium' = 'long'): string =>
	m.meeting_when_format({
		weekday: formatDate(startsAt, undefined, { weekday: 'long', timeZone }),
		date: formatDate(startsAt, undefined, { dateStyle: style, timeZone }),
		time: formatDate(startsAt, undefined, { timeStyle: 'short', timeZone })
	});

/** Just the date, for titles. */
export const meetingDate = (startsAt: Date | string, timeZone: string): string =>
	formatDate(startsAt, undefined, { dateStyle: 'long', timeZone });

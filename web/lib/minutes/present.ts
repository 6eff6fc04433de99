// Shared wording for showing a minutes record (the page, the print page, Markdown).
import { m } from '$lib/paraglide/messages';
import { formatDate, formatNumber } from '$lib/format';
import type { MinutesRecord } from '$shared/minutes';

/** "12:05" style durations, in the page's digits. */
export function duration(seconds: number): string {
	const mins = Math.floor(seconds / 60);
	const secs = Math.round(seconds % 60);
	return `${formatNumber(mins)}:${formatNumber(secs).padStart(2, formatNumber(0))}`;
}

export const meetingDate = (record: MinutesRecord): string =>
	formatDate(record.meeting.startsAt, undefined, { dateStyle: 'full', timeStyle: 'short', timeZone: record.meeting.timeZone });

export const minutesHeading = (record: MinutesRecord): string => m.minutes_of({ group: record.meeting.groupName, date: meetingDate(record) });

export function quorumLine(record: MinutesRecord): string {
	const q = record.quorum;
	const args = { present: formatNumber(q.present), eligible: formatNumber(q.eligible), sides: formatNumber(q.sidesPresent.length) };
	return q.met ? m.minutes_quorum_met(args) : m.minutes_quorum_not_met(args);
}

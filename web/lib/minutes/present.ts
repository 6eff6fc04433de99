// Shared wording for showing a minutes record (the page, the print page, Markdown, search).
import { m } from '$lib/paraglide/messages';
import { formatDate, formatDay, formatNumber } from '$lib/format';
import { meetingWhen } from '$lib/meeting/labels';
import { isolate, statusLabel as actionStatusLabel } from '$lib/action-items/labels';
import { decisionLabel, resultLabel } from '$lib/proposals/labels';
import { tallyWords } from '$lib/voting/tally';
import type { ActionStatus } from '$shared/action-items';
import type { DecisionOutcome, VoteResult } from '$shared/proposals';
import type { MinutesRecord } from '$shared/minutes';

export { isolate };

/** "12:05" style durations (minutes:seconds), in the page's digits. */
export function duration(seconds: number): string {
	const mins = Math.floor(seconds / 60);
	const secs = Math.round(seconds % 60);
	return `${formatNumber(mins)}:${formatNumber(secs).padStart(2, formatNumber(0))}`;
}

/** Weekday, date and time where the group meets (Jalali in Persian). */
export const meetingDate = (record: MinutesRecord): string => meetingWhen(record.meeting.startsAt, record.meeting.timeZone);

/** A moment (archived, approved) as date and time in the group's zone, the same on server and browser. */
export const momentIn = (iso: string, timeZone: string): string =>
	formatDate(iso, undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });

/** "Minutes of <group>, <date>": the group's name isolated, so a Persian name keeps its
 * place inside an English sentence (and the reverse). */
export const headingFor = (groupName: string, startsAt: string, timeZone: string): string =>
	m.minutes_of({ group: isolate(groupName), date: meetingWhen(startsAt, timeZone) });

export const minutesHeading = (record: MinutesRecord): string =>
	headingFor(record.meeting.groupName, record.meeting.startsAt, record.meeting.timeZone);

export function quorumLine(record: MinutesRecord): string {
	const q = record.quorum;
	const args = { present: formatNumber(q.present), eligible: formatNumber(q.eligible), sides: formatNumber(q.sidesPresent.length) };
	return q.met ? m.minutes_quorum_met(args) : m.minutes_quorum_not_met(args);
}

const known = <T extends string>(value: string | null, labels: (v: T) => string, values: readonly T[]) =>
	value && (values as readonly string[]).includes(value) ? labels(value as T) : (value ?? '—');

export const voteLine = (v: MinutesRecord['votes'][number]): string =>
	m.minutes_vote_line({
		proposal: isolate(v.proposalTitle),
		tally: tallyWords(v),
		result: known<VoteResult>(v.result, resultLabel, ['PASSED', 'FAILED', 'NO_QUORUM'])
	});

/** A decision's outcome and how it was reached, in words ("Approved, by consensus"). */
export const decisionHow = (d: MinutesRecord['decisions'][number]): string =>
	m.minutes_decision_how({
		outcome: known<DecisionOutcome>(d.outcome, decisionLabel, ['APPROVED', 'REJECTED', 'SENT_BACK']),
		method: d.method === 'VOTE' ? m.decision_by_vote() : d.method === 'CONSENSUS' ? m.decision_by_consensus() : d.method
	});

/** An action item's owner, due day (Jalali in Persian) and status. */
export const actionDetails = (a: MinutesRecord['actionItems'][number]): string =>
	m.minutes_action_details({
		owner: isolate(a.owner),
		due: /^\d{4}-\d{2}-\d{2}$/.test(a.dueDate) ? formatDay(a.dueDate) : a.dueDate,
		status: known<ActionStatus>(a.status, actionStatusLabel, ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'])
	});

/** True when nobody held the floor: the chart of six empty bars says nothing. */
export const nobodySpoke = (record: MinutesRecord): boolean => Object.values(record.spokenBySide).every((s) => !s);

const ERRORS: Record<string, () => string> = {
	FORBIDDEN: m.minutes_error_FORBIDDEN,
	CONFLICT: m.minutes_error_CONFLICT,
	INVALID: m.minutes_error_INVALID
};
/** A refused minutes action's code as words. */
export const errorText = (code: string | null | undefined): string | null => (code ? (ERRORS[code] ?? m.minutes_error_other)() : null);

// Words for courses and certificates in the reader's language.
import { m } from '$lib/paraglide/messages';
import { errorText } from '$lib/databank/labels';
import { formatDay } from '$lib/format';
import type { CourseKind, EnrolmentStatus } from '$shared/courses';

const KINDS: Record<CourseKind, () => string> = {
	SELF_EMPLOYMENT: m.course_kind_SELF_EMPLOYMENT,
	TRADE: m.course_kind_TRADE,
	HOME_BUSINESS: m.course_kind_HOME_BUSINESS,
	OTHER: m.course_kind_OTHER
};
export const kindLabel = (kind: CourseKind): string => KINDS[kind]();

const STATUSES: Record<EnrolmentStatus, () => string> = {
	ENROLLED: m.course_status_ENROLLED,
	COMPLETED: m.course_status_COMPLETED,
	WITHDRAWN: m.course_status_WITHDRAWN
};
/** The chip tone of an enrolment's state (app.css). */
export const STATUS_TONE: Record<EnrolmentStatus, string> = { ENROLLED: 'tone-info', COMPLETED: 'tone-ok', WITHDRAWN: '' };
export const statusLabel = (status: EnrolmentStatus): string => STATUSES[status]();

const ERRORS: Record<string, () => string> = {
	session_not_held: m.course_err_session_not_held,
	attendance_recorded: m.course_err_attendance_recorded,
	not_eligible: m.course_err_not_eligible,
	not_enrolled: m.course_err_not_enrolled,
	already_enrolled: m.course_err_already_enrolled,
	no_account: m.course_err_no_account,
	course_archived: m.course_err_course_archived,
	already_revoked: m.course_err_already_revoked
};
/** A course form's error code in words (the databank's words for the common ones). */
export const courseError = (code: string | undefined): string => (code && ERRORS[code] ? ERRORS[code]() : errorText(code));

/** A session's day with its weekday: "چهارشنبه ۴ آذر ۱۴۰۵", "Wednesday 25 November 2026". Built
 * from two parts because ICU's full Jalali pattern puts the weekday last after a Latin comma. */
export const sessionDay = (day: string): string =>
	`${formatDay(day, undefined, { weekday: 'long' })} ${formatDay(day, undefined, { dateStyle: 'long' })}`;

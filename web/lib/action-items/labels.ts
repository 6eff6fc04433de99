// Words and dates for action items, through the i18n layer.
import { m } from '$lib/paraglide/messages';
import { formatDate, formatDay, formatNumber } from '$lib/format';
import { dueState, type ActionStatus, type ActionItemView, type NotificationView } from '$shared/action-items';

// People's words (titles, names, notes) keep their own direction inside a sentence of the
// other script: wrapped in Unicode's first-strong isolate (U+2068) … pop isolate (U+2069).
const [FSI, PDI] = [String.fromCodePoint(0x2068), String.fromCodePoint(0x2069)];
export const isolate = (text: string): string => FSI + text + PDI;

const STATUS: Record<ActionStatus, () => string> = {
	OPEN: m.ai_status_OPEN,
	IN_PROGRESS: m.ai_status_IN_PROGRESS,
	BLOCKED: m.ai_status_BLOCKED,
	DONE: m.ai_status_DONE
};
export const statusLabel = (s: ActionStatus): string => STATUS[s]();

/** "Due today", "3 days overdue", "Due 29 Esfand 1404"… and the state, for highlighting. */
export function dueText(item: Pick<ActionItemView, 'dueDate' | 'status' | 'timeZone' | 'doneAt'>, now: Date | number = Date.now()) {
	const { state, days } = dueState(item.dueDate, item.status, item.timeZone, now);
	const date = formatDay(item.dueDate);
	let text: string;
	if (state === 'overdue') text = days === -1 ? m.ai_overdue_one() : m.ai_overdue_many({ days: formatNumber(-days) });
	else if (state === 'soon') text = days === 0 ? m.ai_due_today() : days === 1 ? m.ai_due_tomorrow() : m.ai_due_in_two();
	// The day it was finished where the group meets, not in UTC.
	else if (state === 'done' && item.doneAt)
		text = m.ai_done_on({ date: formatDate(item.doneAt, undefined, { dateStyle: 'medium', timeZone: item.timeZone }) });
	else text = m.ai_due_on({ date });
	return { state, text, date };
}

/** A form's error code (server/domain/action-items/inputs.ts and the domain's field codes) as words. */
export function errorText(code: string | undefined | null): string {
	switch (code) {
		case undefined:
		case null:
		case '':
			return '';
		case 'required':
			return m.ai_error_required();
		case 'invalid_date':
			return m.ai_error_invalid_date();
		case 'not_member':
			return m.ai_error_not_member();
		case 'not_allowed':
			return m.ai_error_not_allowed();
		case 'changed':
			return m.ai_error_changed();
		case 'not_live':
			return m.ai_error_not_live();
		case 'too_long':
			return m.ai_error_too_long();
		case 'FORBIDDEN':
			return m.ai_error_FORBIDDEN();
		default:
			return m.ai_error_other();
	}
}

/** One line for a notification, in the reader's language. */
export function notificationText(n: NotificationView): string {
	if (n.kind === 'MENTIONED')
		return m.notif_MENTIONED({ name: n.byName ? isolate(n.byName) : m.ai_history_someone(), title: isolate(n.comment.proposalTitle) });
	const title = isolate(n.item.title);
	switch (n.kind) {
		case 'ASSIGNED':
			return n.byName ? m.notif_ASSIGNED_by({ name: isolate(n.byName), title }) : m.notif_ASSIGNED({ title });
		case 'DUE_SOON':
			return m.notif_DUE_SOON({ title });
		case 'OVERDUE':
			return m.notif_OVERDUE({ title });
		case 'STATUS_CHANGED':
			return m.notif_STATUS_CHANGED({
				name: n.byName ? isolate(n.byName) : m.ai_history_someone(),
				title,
				status: statusLabel(n.status ?? n.item.status)
			});
	}
}

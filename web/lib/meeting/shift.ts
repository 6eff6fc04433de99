// Why a series' meeting is not on its usual day: it fell on a day off of the organisation
// (outside its working week, or an official holiday) and moved to the next working day.
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';

export interface Shift {
	from: Date | string;
	holiday: string | null;
}

/** "Moved from Friday 27 Azar: Tasua." in the reader's language and calendar. */
export function shiftNote(shift: Shift, timeZone: string, locale: string = getLocale()): string {
	// The weekday and the date apart, as meetingWhen writes them (dateStyle 'full' puts the
	// Persian weekday last, after a Latin comma).
	const date = `${formatDate(shift.from, locale, { weekday: 'long', timeZone })} ${formatDate(shift.from, locale, { dateStyle: 'long', timeZone })}`;
	return shift.holiday
		? m.meeting_shifted_holiday({ date, holiday: shift.holiday }, { locale: locale as 'fa' | 'en' })
		: m.meeting_shifted_weekend({ date }, { locale: locale as 'fa' | 'en' });
}

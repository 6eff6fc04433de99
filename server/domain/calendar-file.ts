// iCalendar files through the `ics` library, for every feed Rahkar serves: a group's
// meetings (meetings/calendar.ts) and an owner's action-item due days (action-items/feed.ts),
// and for the invitations mailed when a meeting is scheduled, moved or cancelled.
import { createEvents, type EventAttributes } from 'ics';

export type CalendarEvent = EventAttributes;

/** One calendar file; throws if the library refuses an event (a bug, not user input). */
export function calendarFile(
	events: CalendarEvent[],
	options: { calName?: string; productId: string; method?: 'REQUEST' | 'CANCEL' }
): string {
	const { error, value } = createEvents(events, options);
	if (error || !value) throw error ?? new Error('calendar could not be written');
	return value;
}

/** An all-day event's start and end for a "YYYY-MM-DD" day (the end is the next day, exclusive). */
export function allDay(day: string): { start: [number, number, number]; end: [number, number, number] } {
	const [y, m, d] = day.split('-').map(Number);
	const next = new Date(Date.UTC(y, m - 1, d + 1));
	return { start: [y, m, d], end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] };
}

// The rhythm of a series: occurrence n starts cadenceDays × n local days after the first,
// at the first one's local time in the series' zone; one that falls on a day the
// organisation does not work (its working week, its holidays) moves to the next working
// day, at the same time, and remembers why. Pure functions, no database.
import { addLocalDays, fromLocal, toLocal, type LocalDateTime } from './zoned-time';

export interface Rhythm {
	firstStartsAt: Date;
	cadenceDays: number;
	durationMinutes: number;
	timeZone: string;
}

/** The start of occurrence `n` (0 = firstStartsAt). */
export function occurrenceStart(rhythm: Rhythm, n: number): Date {
	if (n === 0) return rhythm.firstStartsAt;
	const first = toLocal(rhythm.firstStartsAt, rhythm.timeZone);
	return fromLocal(addLocalDays(first, n * rhythm.cadenceDays), rhythm.timeZone);
}

/** The days an organisation meets on: weekdays (0 = Sunday … 6 = Saturday) and holidays
 * (local YYYY-MM-DD → name). */
export interface WorkCalendar {
	workingDays: ReadonlySet<number>;
	holidays: ReadonlyMap<string, string>;
}

/** Every day a working day: what a series follows when the organisation set nothing. */
export const EVERY_DAY: WorkCalendar = { workingDays: new Set([0, 1, 2, 3, 4, 5, 6]), holidays: new Map() };

/** The calendar from the organisation's stored columns ("0123456" and its holidays). */
export function workCalendar(workingDays: string, holidays: { date: string; name: string }[]): WorkCalendar {
	const days = new Set([...workingDays].map(Number).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
	return { workingDays: days, holidays: new Map(holidays.map((h) => [h.date, h.name])) };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local day as YYYY-MM-DD, the holidays' key. */
export const localDate = (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
/** The weekday of a local day (0 = Sunday). */
export const weekdayOf = (d: { year: number; month: number; day: number }) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

/** Why a local day is off: a holiday (its name), a day outside the working week (''), or
 * null when it is a working day. */
export function dayOff(calendar: WorkCalendar, d: { year: number; month: number; day: number }): string | null {
	const holiday = calendar.holidays.get(localDate(d));
	if (holiday !== undefined) return holiday || '';
	return calendar.workingDays.has(weekdayOf(d)) ? null : '';
}

export interface Occurrence {
	sequence: number;
	startsAt: Date;
	/** Where the rhythm put it, when that day was off and it moved; null otherwise. */
	shiftedFrom: Date | null;
	/** The holiday it moved for; null for a day outside the working week (or no move). */
	shiftHoliday: string | null;
}

/** How far a meeting may be pushed looking for a working day (a long holiday, say). */
const MAX_SHIFT_DAYS = 31;

/** The start of occurrence `n` on the organisation's calendar: moved to the next working
 * day, at the same local time, when its own day is off. A calendar with no working day at
 * all moves nothing. */
export function scheduledOccurrence(rhythm: Rhythm, n: number, calendar: WorkCalendar = EVERY_DAY): Occurrence {
	const regular = occurrenceStart(rhythm, n);
	const local: LocalDateTime = toLocal(regular, rhythm.timeZone);
	const why = dayOff(calendar, local);
	if (why === null) return { sequence: n, startsAt: regular, shiftedFrom: null, shiftHoliday: null };
	for (let k = 1; k <= MAX_SHIFT_DAYS; k++) {
		const day = addLocalDays(local, k);
		if (dayOff(calendar, day) === null) {
			return { sequence: n, startsAt: fromLocal(day, rhythm.timeZone), shiftedFrom: regular, shiftHoliday: why || null };
		}
	}
	return { sequence: n, startsAt: regular, shiftedFrom: null, shiftHoliday: null };
}

/** The first occurrence that has not ended by `now`. */
export function firstOpenOccurrence(rhythm: Rhythm, now: Date, calendar: WorkCalendar = EVERY_DAY): number {
	const period = rhythm.cadenceDays * 86_400_000;
	// An estimate from elapsed time, then exact steps (DST shifts an occurrence by an hour at
	// most; a day off only ever moves one later, so the estimate stays below).
	let n = Math.max(0, Math.floor((now.getTime() - rhythm.firstStartsAt.getTime()) / period) - 1);
	while (scheduledOccurrence(rhythm, n, calendar).startsAt.getTime() + rhythm.durationMinutes * 60_000 <= now.getTime()) n++;
	return n;
}

/** The next `count` occurrences that have not ended by `now`, with their numbers. */
export function upcomingOccurrences(rhythm: Rhythm, now: Date, count: number, calendar: WorkCalendar = EVERY_DAY): Occurrence[] {
	const first = firstOpenOccurrence(rhythm, now, calendar);
	return Array.from({ length: count }, (_, i) => scheduledOccurrence(rhythm, first + i, calendar));
}

/** The first start on or after a local date and time that falls on `weekday` (0 = Sunday):
 * where "every two weeks on Saturday" starts. */
export function onWeekday(local: LocalDateTime, weekday: number): LocalDateTime {
	return addLocalDays(local, (weekday - weekdayOf(local) + 7) % 7);
}

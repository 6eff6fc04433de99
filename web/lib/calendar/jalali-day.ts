// Calendar days ("YYYY-MM-DD", Gregorian, as stored) in the Jalali calendar and back, for
// choosing a day in Persian. The arithmetic is @internationalized/date's PersianCalendar.
import { CalendarDate, GregorianCalendar, PersianCalendar, toCalendar } from '@internationalized/date';

const persian = new PersianCalendar();
const gregorian = new GregorianCalendar();

export interface JalaliDay {
	year: number;
	month: number;
	day: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Jalali year, month and day of a stored day, or null for anything else. */
export function toJalali(day: string): JalaliDay | null {
	const m = DAY.exec(day);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const g = new CalendarDate(gregorian, y, mo, d);
	if (g.year !== y || g.month !== mo || g.day !== d) return null; // 2026-02-30 and the like
	const j = toCalendar(g, persian);
	return { year: j.year, month: j.month, day: j.day };
}

/** The stored day for a Jalali date, or null when that date does not exist (Esfand 30
 * outside a leap year, month 13). */
export function fromJalali({ year, month, day }: JalaliDay): string | null {
	if (month < 1 || month > 12 || day < 1 || day > daysInJalaliMonth(year, month)) return null;
	return toCalendar(new CalendarDate(persian, year, month, day), gregorian).toString();
}

/** How many days a Jalali month has: 31 for the first six, 30 for the next five, and
 * Esfand 29, or 30 in a leap year. */
export function daysInJalaliMonth(year: number, month: number): number {
	return persian.getDaysInMonth(new CalendarDate(persian, year, month, 1));
}

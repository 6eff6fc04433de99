// Weekday names and the order a week is shown in: from Saturday in Persian, as an Iranian
// calendar is, and from Monday in English. Weekdays are JavaScript's (0 = Sunday).
import { getLocale } from '$lib/paraglide/runtime';

/** A Sunday (2026-11-29), from which the n-th weekday is n days later. */
const SUNDAY = Date.UTC(2026, 10, 29, 12);

/** The weekday's name in the reader's language («شنبه», "Saturday"). */
export const weekdayName = (day: number, locale: string = getLocale()): string =>
	new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(SUNDAY + day * 86_400_000)
	);

/** The seven weekdays in the order the reader's week runs. */
export const weekOrder = (locale: string = getLocale()): number[] => (locale === 'fa' ? [6, 0, 1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6, 0]);

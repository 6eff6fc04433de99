// Numbers and dates through Intl: Persian digits and the Jalali (Persian) calendar in fa.
import { getLocale } from '$lib/paraglide/runtime';

const intlLocale = (locale: string) => (locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB');

export const formatNumber = (n: number, locale: string = getLocale()): string => new Intl.NumberFormat(intlLocale(locale)).format(n);

export const formatDate = (
	d: Date | string,
	locale: string = getLocale(),
	options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }
): string => new Intl.DateTimeFormat(intlLocale(locale), options).format(typeof d === 'string' ? new Date(d) : d);

/** A calendar day ("YYYY-MM-DD") as that same day in the reader's calendar (Jalali in
 * Persian): formatted at noon UTC in UTC, so no time zone can move it to a neighbour. */
export const formatDay = (
	day: string,
	locale: string = getLocale(),
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
): string => new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

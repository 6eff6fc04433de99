// Numbers and dates through Intl: Persian digits and the Jalali (Persian) calendar in fa.
import { getLocale } from '$lib/paraglide/runtime';

const intlLocale = (locale: string) => (locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB');

export const formatNumber = (n: number, locale: string = getLocale()): string => new Intl.NumberFormat(intlLocale(locale)).format(n);

export const formatDate = (
	d: Date | string,
	locale: string = getLocale(),
	options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }
): string => new Intl.DateTimeFormat(intlLocale(locale), options).format(typeof d === 'string' ? new Date(d) : d);

// Durations as a clock ("04:05", "1:02:03"), with the locale's digits.
import { getLocale } from '$lib/paraglide/runtime';

/** Whole seconds (sign dropped) as m:ss or h:mm:ss. */
export function formatClock(seconds: number, locale: string = getLocale()): string {
	const s = Math.floor(Math.abs(seconds));
	const two = new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { minimumIntegerDigits: 2, useGrouping: false });
	const h = Math.floor(s / 3600);
	const parts = [Math.floor((s % 3600) / 60), s % 60].map((n) => two.format(n));
	return (h ? [two.format(h), ...parts] : parts).join(':');
}

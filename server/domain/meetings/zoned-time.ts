// Wall-clock time in an IANA time zone, through Intl only (no time-zone tables of our own).
// A series keeps its local time ("17:00 in Tehran") across daylight-saving changes, so
// occurrences are computed on the local calendar and converted to instants here.

export interface LocalDateTime {
	year: number;
	/** 1..12 */
	month: number;
	day: number;
	hour: number;
	minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** True when the runtime knows this IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The local date and time of an instant in a zone. */
export function toLocal(instant: Date | number, timeZone: string): LocalDateTime & { second: number } {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Milliseconds the zone is ahead of UTC at an instant (Tehran: +3.5 h). */
function offsetAt(ms: number, timeZone: string): number {
	const l = toLocal(ms, timeZone);
	const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a local wall-clock time happens in a zone. A time that occurs twice (clocks
 * going back) gives the earlier instant; a time skipped by clocks going forward is moved
 * forward by the gap — the same choices as Temporal's "compatible" disambiguation. */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
	const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
	const before = offsetAt(asUtc - 86_400_000, timeZone);
	const after = offsetAt(asUtc + 86_400_000, timeZone);
	const fits = (offset: number) => offsetAt(asUtc - offset, timeZone) === offset;
	const candidates = [before, after].filter(fits).map((o) => asUtc - o);
	if (candidates.length) return new Date(Math.min(...candidates));
	// Skipped local time: use the offset from before the change, which lands after the gap.
	return new Date(asUtc - Math.min(before, after));
}

/** The local calendar date `days` after the given one (time of day unchanged). */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
	const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
	return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Parses "YYYY-MM-DD" and "HH:MM" (what date and time inputs send). */
export function parseLocal(date: string, time: string): LocalDateTime | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t) return null;
	const local = { year: +d[1], month: +d[2], day: +d[3], hour: +t[1], minute: +t[2] };
	const check = new Date(Date.UTC(local.year, local.month - 1, local.day));
	if (check.getUTCMonth() !== local.month - 1 || check.getUTCDate() !== local.day || local.hour > 23 || local.minute > 59) return null;
	return local;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** "YYYY-MM-DD" and "HH:MM" of an instant in a zone, for date and time inputs. */
export function formatLocal(instant: Date, timeZone: string): { date: string; time: string } {
	const l = toLocal(instant, timeZone);
	return { date: `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}`, time: `${pad(l.hour)}:${pad(l.minute)}` };
}

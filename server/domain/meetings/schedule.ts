// The rhythm of a series: occurrence n starts cadenceDays × n local days after the first,
// at the first one's local time in the series' zone. Pure functions, no database.
import { addLocalDays, fromLocal, toLocal } from './zoned-time';

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

/** The first occurrence that has not ended by `now`. */
export function firstOpenOccurrence(rhythm: Rhythm, now: Date): number {
	const period = rhythm.cadenceDays * 86_400_000;
	// An estimate from elapsed time, then exact steps (DST shifts an occurrence by an hour at most).
	let n = Math.max(0, Math.floor((now.getTime() - rhythm.firstStartsAt.getTime()) / period) - 1);
	while (occurrenceStart(rhythm, n).getTime() + rhythm.durationMinutes * 60_000 <= now.getTime()) n++;
	return n;
}

/** The next `count` occurrences that have not ended by `now`, with their numbers. */
export function upcomingOccurrences(rhythm: Rhythm, now: Date, count: number): { sequence: number; startsAt: Date }[] {
	const first = firstOpenOccurrence(rhythm, now);
	return Array.from({ length: count }, (_, i) => ({ sequence: first + i, startsAt: occurrenceStart(rhythm, first + i) }));
}

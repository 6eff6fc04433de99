// Series scheduling: every cadenceDays at the same local time in the series' zone.
import { describe, expect, it } from 'vitest';
import { firstOpenOccurrence, occurrenceStart, upcomingOccurrences, type Rhythm } from '../../server/domain/meetings/schedule';
import { addLocalDays, fromLocal, isTimeZone, parseLocal, toLocal } from '../../server/domain/meetings/zoned-time';

const tehran = (y: number, mo: number, d: number, h: number, mi: number) =>
	fromLocal({ year: y, month: mo, day: d, hour: h, minute: mi }, 'Asia/Tehran');

describe('zoned time', () => {
	it('converts Tehran wall-clock time (UTC+3:30, no DST since 2022) both ways', () => {
		const t = tehran(2026, 12, 1, 17, 0);
		expect(t.toISOString()).toBe('2026-12-01T13:30:00.000Z');
		expect(toLocal(t, 'Asia/Tehran')).toMatchObject({ year: 2026, month: 12, day: 1, hour: 17, minute: 0 });
		// Summer too: Iran no longer moves its clocks.
		expect(tehran(2027, 6, 21, 17, 0).toISOString()).toBe('2027-06-21T13:30:00.000Z');
	});

	it('moves a time skipped by spring-forward past the gap, and takes the earlier of a doubled time', () => {
		const gap = fromLocal({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, 'America/New_York');
		expect(gap.toISOString()).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
		const doubled = fromLocal({ year: 2027, month: 11, day: 7, hour: 1, minute: 30 }, 'America/New_York');
		expect(doubled.toISOString()).toBe('2027-11-07T05:30:00.000Z'); // the first 01:30, EDT
	});

	it('adds local days across month and year ends, and parses form input strictly', () => {
		expect(addLocalDays({ year: 2026, month: 12, day: 25, hour: 9, minute: 0 }, 15)).toMatchObject({ year: 2027, month: 1, day: 9 });
		expect(parseLocal('2027-02-29', '10:00')).toBeNull();
		expect(parseLocal('2028-02-29', '10:00')).toMatchObject({ day: 29 });
		expect(parseLocal('2027-01-01', '24:00')).toBeNull();
		expect(parseLocal('2027-01-01', '7pm')).toBeNull();
		expect(isTimeZone('Asia/Tehran')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});
});

describe('series occurrences', () => {
	const tehranSeries: Rhythm = { firstStartsAt: tehran(2026, 12, 1, 17, 0), cadenceDays: 15, durationMinutes: 90, timeZone: 'Asia/Tehran' };

	it('puts Tehran meetings every 15 days at 17:00 local, always 13:30 UTC', () => {
		const starts = Array.from({ length: 30 }, (_, n) => occurrenceStart(tehranSeries, n));
		for (const [n, s] of starts.entries()) {
			expect(s.toISOString().slice(11)).toBe('13:30:00.000Z');
			if (n > 0) expect(s.getTime() - starts[n - 1].getTime()).toBe(15 * 86_400_000);
		}
		expect(starts[2].toISOString()).toBe('2026-12-31T13:30:00.000Z');
	});

	it('keeps the local hour across DST in a zone that has it (Europe/London)', () => {
		const first = fromLocal({ year: 2027, month: 3, day: 10, hour: 18, minute: 0 }, 'Europe/London');
		const london: Rhythm = { firstStartsAt: first, cadenceDays: 15, durationMinutes: 60, timeZone: 'Europe/London' };
		const [a, b, c] = [0, 1, 2].map((n) => occurrenceStart(london, n));
		expect(a.toISOString()).toBe('2027-03-10T18:00:00.000Z'); // GMT
		expect(b.toISOString()).toBe('2027-03-25T18:00:00.000Z'); // still GMT (BST starts 28 March)
		expect(c.toISOString()).toBe('2027-04-09T17:00:00.000Z'); // BST: 18:00 local is 17:00 UTC
		for (const s of [a, b, c]) expect(toLocal(s, 'Europe/London')).toMatchObject({ hour: 18, minute: 0 });
		// 15 days apart on the calendar, but one of them is an hour shorter.
		expect(c.getTime() - b.getTime()).toBe(15 * 86_400_000 - 3_600_000);
	});

	it('finds the next occurrence that has not ended, a running one included', () => {
		const during = new Date(tehranSeries.firstStartsAt.getTime() + 15 * 86_400_000 + 30 * 60_000);
		expect(firstOpenOccurrence(tehranSeries, during)).toBe(1);
		const after = new Date(tehranSeries.firstStartsAt.getTime() + 15 * 86_400_000 + 90 * 60_000);
		expect(firstOpenOccurrence(tehranSeries, after)).toBe(2);
		const before = new Date(tehranSeries.firstStartsAt.getTime() - 365 * 86_400_000);
		expect(upcomingOccurrences(tehranSeries, before, 3).map((o) => o.sequence)).toEqual([0, 1, 2]);
		const later = new Date('2027-06-01T00:00:00Z');
		const next = upcomingOccurrences(tehranSeries, later, 2);
		expect(next[0].startsAt.getTime()).toBeGreaterThan(later.getTime());
		expect(next[0].startsAt.getTime() - 15 * 86_400_000).toBeLessThan(later.getTime());
	});
});

// Choosing a day in the Jalali calendar: the stored (Gregorian) day and back.
import { describe, expect, it } from 'vitest';
import { daysInJalaliMonth, fromJalali, toJalali } from '../../web/lib/calendar/jalali-day';

describe('Jalali days', () => {
	it('puts Nowruz on the first of Farvardin', () => {
		expect(toJalali('2026-03-21')).toEqual({ year: 1405, month: 1, day: 1 });
		expect(fromJalali({ year: 1405, month: 1, day: 1 })).toBe('2026-03-21');
		expect(toJalali('2026-03-20')).toEqual({ year: 1404, month: 12, day: 29 });
	});
	it('knows the leap Esfand 30 exists in 1403 and not in 1404', () => {
		expect(daysInJalaliMonth(1403, 12)).toBe(30);
		expect(fromJalali({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
		expect(daysInJalaliMonth(1404, 12)).toBe(29);
		expect(fromJalali({ year: 1404, month: 12, day: 30 })).toBeNull();
	});
	it('gives 31 days to the first six months and 30 to the next five', () => {
		expect([1, 2, 3, 4, 5, 6].map((m) => daysInJalaliMonth(1405, m))).toEqual([31, 31, 31, 31, 31, 31]);
		expect([7, 8, 9, 10, 11].map((m) => daysInJalaliMonth(1405, m))).toEqual([30, 30, 30, 30, 30]);
	});
	it('round-trips every day of a year', () => {
		const start = new Date('2026-01-01T12:00:00Z');
		for (let i = 0; i < 366; i++) {
			const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
			expect(fromJalali(toJalali(day)!)).toBe(day);
		}
	});
	it('refuses what is not a day', () => {
		expect(toJalali('2026-02-30')).toBeNull();
		expect(toJalali('tomorrow')).toBeNull();
		expect(fromJalali({ year: 1405, month: 13, day: 1 })).toBeNull();
		expect(fromJalali({ year: 1405, month: 7, day: 31 })).toBeNull();
	});
});

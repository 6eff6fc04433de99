// Due, due soon and overdue are days in the group's time zone: the same instant can be
// "today" in Tehran and "yesterday" in Los Angeles, and Esfand turns into Farvardin (Nowruz)
// without any day going missing.
import { describe, expect, it } from 'vitest';
import { addDays, byDue, dayAsDate, daysBetween, dueState, isDay, todayIn } from '../../shared/action-items';

const TEHRAN = 'Asia/Tehran';
const jalali = (day: string) =>
	new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(
		dayAsDate(day)
	);

describe('days', () => {
	it('accepts real days only', () => {
		expect(isDay('2026-03-20')).toBe(true);
		expect(isDay('2025-02-29')).toBe(false);
		expect(isDay('2024-02-29')).toBe(true);
		expect(isDay('2026-13-01')).toBe(false);
		expect(isDay('1404-12-29')).toBe(false); // a Jalali day typed as if Gregorian
		expect(isDay('2026-3-20')).toBe(false);
		expect(isDay(20260320)).toBe(false);
	});

	it('counts days across month, year and leap-day boundaries', () => {
		expect(daysBetween('2026-03-20', '2026-03-21')).toBe(1);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
		expect(daysBetween('2026-03-25', '2026-03-20')).toBe(-5);
		expect(addDays('2026-03-19', 2)).toBe('2026-03-21');
		expect(addDays('2025-03-21', -1)).toBe('2025-03-20');
	});

	it('shows a day as the same Jalali day whatever zone formats it', () => {
		// 29 Esfand 1404 is the last day of a common year; 1403 was leap, with an Esfand 30.
		expect(jalali('2026-03-20')).toBe('1404/12/29');
		expect(jalali('2026-03-21')).toBe('1405/1/1');
		expect(jalali('2025-03-20')).toBe('1403/12/30');
		expect(jalali('2025-03-21')).toBe('1404/1/1');
	});
});

describe('today in a zone', () => {
	it('reads the calendar day where the group meets, not where the server runs', () => {
		// 21:00 UTC on 20 March is 00:30 on 21 March in Tehran (UTC+3:30) and 14:00 on 20 March in Los Angeles.
		const at = new Date('2026-03-20T21:00:00Z');
		expect(todayIn(TEHRAN, at)).toBe('2026-03-21');
		expect(todayIn('America/Los_Angeles', at)).toBe('2026-03-20');
		expect(todayIn('UTC', at)).toBe('2026-03-20');
		expect(todayIn('Pacific/Kiritimati', new Date('2026-03-20T10:00:00Z'))).toBe('2026-03-21'); // UTC+14
	});
});

describe('due state', () => {
	const lastOfEsfand = '2026-03-20'; // 29 Esfand 1404

	it('is due (soon) until the last moment of the due day in Tehran, overdue from the next', () => {
		// Tehran midnight between 29 Esfand and 1 Farvardin is 20:30 UTC.
		expect(dueState(lastOfEsfand, 'OPEN', TEHRAN, new Date('2026-03-20T20:29:59Z'))).toEqual({ state: 'soon', days: 0 });
		expect(dueState(lastOfEsfand, 'OPEN', TEHRAN, new Date('2026-03-20T20:30:00Z'))).toEqual({ state: 'overdue', days: -1 });
		// Through Nowruz: 13 Farvardin is 13 days late, with no day lost at the year's end.
		expect(dueState(lastOfEsfand, 'BLOCKED', TEHRAN, new Date('2026-04-02T06:00:00Z'))).toEqual({ state: 'overdue', days: -13 });
	});

	it('gives a different answer at the same instant for a group in another zone', () => {
		const at = new Date('2026-03-20T21:00:00Z');
		expect(dueState(lastOfEsfand, 'IN_PROGRESS', TEHRAN, at).state).toBe('overdue');
		expect(dueState(lastOfEsfand, 'IN_PROGRESS', 'America/Los_Angeles', at).state).toBe('soon');
	});

	it('counts due-soon as the due day and the two before it', () => {
		const noonTehran = (day: string) => new Date(`${day}T08:30:00Z`);
		expect(dueState('2026-03-21', 'OPEN', TEHRAN, noonTehran('2026-03-18'))).toEqual({ state: 'later', days: 3 });
		expect(dueState('2026-03-21', 'OPEN', TEHRAN, noonTehran('2026-03-19'))).toEqual({ state: 'soon', days: 2 });
		// Due on Nowruz (1 Farvardin 1405), seen on 29 Esfand 1404: one day left, across the year boundary.
		expect(dueState('2026-03-21', 'OPEN', TEHRAN, noonTehran('2026-03-20'))).toEqual({ state: 'soon', days: 1 });
		// The leap year's last day (30 Esfand 1403) to Nowruz 1404 is one day too.
		expect(dueState('2025-03-21', 'OPEN', TEHRAN, noonTehran('2025-03-20'))).toEqual({ state: 'soon', days: 1 });
	});

	it('is never overdue once done', () => {
		expect(dueState('2026-01-01', 'DONE', TEHRAN, new Date('2026-03-20T12:00:00Z'))).toEqual({ state: 'done', days: -78 });
	});

	it('sorts by due day, blocked work first among equals, done last', () => {
		const items = [
			{ dueDate: '2026-03-21', status: 'OPEN' as const, title: 'b' },
			{ dueDate: '2026-03-20', status: 'DONE' as const, title: 'a' },
			{ dueDate: '2026-03-20', status: 'OPEN' as const, title: 'c' },
			{ dueDate: '2026-03-20', status: 'BLOCKED' as const, title: 'd' }
		];
		expect(items.sort(byDue).map((i) => i.title)).toEqual(['d', 'c', 'a', 'b']);
	});
});

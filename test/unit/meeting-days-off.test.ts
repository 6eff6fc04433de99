// Series rules of issue 15, point 14: "every two weeks on <weekday>" keeps its weekday (a
// 15-day cadence drifted onto Fridays), and a meeting that falls on a day off of the
// organisation (outside its working week, or an official holiday) moves to the next working
// day at the same local time, remembering why.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	dayOff,
	scheduledOccurrence,
	upcomingOccurrences,
	weekdayOf,
	workCalendar,
	type Rhythm
} from '../../server/domain/meetings/schedule';
import { SeriesInput } from '../../server/domain/meetings/series';
import { fromLocal, toLocal } from '../../server/domain/meetings/zoned-time';

const ZONE = 'Asia/Tehran';
const SAT_TO_WED = '60123';
const at = (y: number, mo: number, d: number, h = 17, mi = 0) => fromLocal({ year: y, month: mo, day: d, hour: h, minute: mi }, ZONE);
const local = (d: Date) => toLocal(d, ZONE);
const day = (d: Date) => {
	const l = local(d);
	return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
};
const rhythmFrom = (input: Record<string, string>): Rhythm => {
	const s = SeriesInput.parse({ time: '17:00', timeZone: ZONE, durationMinutes: '90', ...input });
	return { firstStartsAt: fromLocal(s.startsAt, ZONE), cadenceDays: s.cadenceDays, durationMinutes: 90, timeZone: ZONE };
};

describe('every two weeks on a weekday', () => {
	it('starts on the first chosen weekday on or after the date given, and counts 14 days', () => {
		// 2026-12-02 is a Wednesday; Saturday is 6.
		const r = rhythmFrom({ rhythm: 'weekly', weeks: '2', weekday: '6', date: '2026-12-02' });
		expect(day(r.firstStartsAt)).toBe('2026-12-05');
		expect(r.cadenceDays).toBe(14);
		expect(local(r.firstStartsAt)).toMatchObject({ hour: 17, minute: 0 });
		const same = rhythmFrom({ rhythm: 'weekly', weeks: '2', weekday: '3', date: '2026-12-02' });
		expect(day(same.firstStartsAt)).toBe('2026-12-02');
	});

	it('never leaves its weekday, however far ahead (where 15 days drifted)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 400 }), (weeks, weekday, n) => {
				const r = rhythmFrom({ rhythm: 'weekly', weeks: String(weeks), weekday: String(weekday), date: '2026-12-02' });
				const o = scheduledOccurrence(r, n);
				return weekdayOf(local(o.startsAt)) === weekday && local(o.startsAt).hour === 17;
			})
		);
		// The old rhythm: every 15 days from a Wednesday lands on a Friday by the fourth meeting.
		const drift = rhythmFrom({ rhythm: 'days', cadenceDays: '15', date: '2026-12-02' });
		expect([0, 1, 2, 3].map((n) => weekdayOf(local(scheduledOccurrence(drift, n).startsAt)))).toEqual([3, 4, 5, 6]);
	});

	it('keeps "every N days" for a group that wants it, and a client that names no rhythm', () => {
		expect(rhythmFrom({ rhythm: 'days', cadenceDays: '10', date: '2026-12-02' }).cadenceDays).toBe(10);
		expect(rhythmFrom({ cadenceDays: '15', date: '2026-12-02' }).cadenceDays).toBe(15);
		expect(
			SeriesInput.safeParse({ date: '2026-12-02', time: '17:00', timeZone: ZONE, durationMinutes: '90', rhythm: 'weekly', weeks: '0' })
				.success
		).toBe(false);
		expect(
			SeriesInput.safeParse({ date: '2026-12-02', time: '17:00', timeZone: ZONE, durationMinutes: '90', rhythm: 'days', cadenceDays: '0' })
				.success
		).toBe(false);
	});
});

describe('days off', () => {
	const week = workCalendar(SAT_TO_WED, []);
	// Every Wednesday from 2026-12-02; the demo's trouble was a Friday.
	const wednesdays: Rhythm = { firstStartsAt: at(2026, 12, 2), cadenceDays: 7, durationMinutes: 90, timeZone: ZONE };
	const fridays: Rhythm = { ...wednesdays, firstStartsAt: at(2026, 12, 18) };

	it('moves a meeting outside the working week to the next working day, same time, and says so', () => {
		const o = scheduledOccurrence(fridays, 0, week);
		expect(day(o.startsAt)).toBe('2026-12-19'); // Saturday
		expect(local(o.startsAt)).toMatchObject({ hour: 17, minute: 0 });
		expect(o.shiftedFrom?.getTime()).toBe(at(2026, 12, 18).getTime());
		expect(o.shiftHoliday).toBeNull();
		// A working day stays as it is.
		expect(scheduledOccurrence(wednesdays, 0, week)).toEqual({
			sequence: 0,
			startsAt: at(2026, 12, 2),
			shiftedFrom: null,
			shiftHoliday: null
		});
	});

	it('moves a meeting off a holiday, past a run of holidays and the weekend after it, naming the holiday', () => {
		const nowruz = workCalendar(SAT_TO_WED, [
			{ date: '2027-03-21', name: 'نوروز' },
			{ date: '2027-03-22', name: 'نوروز' },
			{ date: '2027-03-23', name: 'نوروز' },
			{ date: '2027-03-24', name: 'نوروز' }
		]);
		// 2027-03-21 is a Sunday: Mon–Wed are Nowruz too, then Thursday and Friday are off.
		const r: Rhythm = { ...wednesdays, firstStartsAt: at(2027, 3, 21) };
		const o = scheduledOccurrence(r, 0, nowruz);
		expect(day(o.startsAt)).toBe('2027-03-27'); // Saturday
		expect(o.shiftHoliday).toBe('نوروز');
		expect(dayOff(nowruz, { year: 2027, month: 3, day: 26 })).toBe('');
		expect(dayOff(nowruz, { year: 2027, month: 3, day: 27 })).toBeNull();
	});

	it('always lands on a working day, at the same time, never earlier and within a month', () => {
		const holidays = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 20 });
		const days = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });
		fc.assert(
			fc.property(days, holidays, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 21 }), (work, off, n, cadence) => {
				const cal = workCalendar(
					work.join(''),
					off.map((k) => ({ date: day(new Date(at(2026, 12, 1).getTime() + k * 86_400_000)), name: `holiday ${k}` }))
				);
				const r: Rhythm = { ...wednesdays, cadenceDays: cadence };
				const o = scheduledOccurrence(r, n, cal);
				const regular = scheduledOccurrence(r, n);
				const l = local(o.startsAt);
				const late = o.startsAt.getTime() - regular.startsAt.getTime();
				if (o.shiftedFrom === null) return dayOff(cal, local(regular.startsAt)) === null && late === 0;
				return (
					dayOff(cal, l) === null &&
					l.hour === 17 &&
					late > 0 &&
					late <= 31 * 86_400_000 &&
					o.shiftedFrom.getTime() === regular.startsAt.getTime()
				);
			})
		);
	});

	it('lists a meeting moved past now as upcoming, in sequence order', () => {
		const now = at(2026, 12, 18, 20); // Friday evening, after the Friday slot would have ended
		const [next, after] = upcomingOccurrences(fridays, now, 2, week);
		expect(next.sequence).toBe(0);
		expect(day(next.startsAt)).toBe('2026-12-19');
		expect(after.sequence).toBe(1);
	});
});

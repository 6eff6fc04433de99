// The organisation's working week and holidays (issue 15, point 14), through the real
// server: a moderator sets "every two weeks on Wednesday", an administrator makes a day of
// it a holiday and the meeting moves to the next working day, saying why on the group's
// meetings page, in the calendar feed and in the minutes' record; removing the holiday puts
// it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as decode, unflatten } from 'devalue';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { demoGroups, openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';
import { assembleMinutes } from '../../server/domain/minutes/assemble';
import { toLocal } from '../../server/domain/meetings/zoned-time';

let server: TestServer;
let database: Database;
let groupId: string;
const cookies: Record<string, string> = {};

async function post(who: string, path: string, fields: [string, string][]) {
	const res = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			cookie: cookies[who],
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields)
	});
	const answer = (await res.json()) as { type: string; status?: number; data?: string };
	return {
		type: answer.type,
		status: answer.status ?? res.status,
		data: typeof answer.data === 'string' ? decode(answer.data) : answer.data
	};
}

async function pageData<T>(who: string, path: string): Promise<T> {
	const res = await fetch(`${server.url}${path}/__data.json`, { headers: { cookie: cookies[who] } });
	expect(res.status, path).toBe(200);
	const body = (await res.json()) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	return unflatten(body.nodes.at(-1)!.data as never) as T;
}

type Listed = { id: string; startsAt: string; shiftedFrom: string | null; shiftHoliday: string | null };
const upcoming = async () => (await pageData<{ upcoming: Listed[] }>('moderator', `/groups/${groupId}/meetings`)).upcoming;
const localDay = (d: Date | string) => {
	const l = toLocal(new Date(d), 'Asia/Tehran');
	return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
};

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	// The demo's own holidays are dated by the year it was seeded in; this test sets its own.
	await database.db.holiday.deleteMany();
	for (const who of ['admin', 'moderator']) cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

describe('working week and holidays', () => {
	it('keeps a fortnightly series on its weekday, and moves a meeting off a holiday and back', async () => {
		// Every two weeks on Wednesday (3), from a date far enough ahead to be all upcoming.
		const from = new Date(Date.now() + 3 * 86_400_000);
		const date = localDay(from);
		const saved = await post('moderator', `/groups/${groupId}/meetings?/series`, [
			['date', date],
			['time', '17:00'],
			['timeZone', 'Asia/Tehran'],
			['rhythm', 'weekly'],
			['weeks', '2'],
			['weekday', '3'],
			['durationMinutes', '90'],
			['place', 'تالار'],
			['link', '']
		]);
		expect(saved).toMatchObject({ type: 'success' });
		const before = await upcoming();
		expect(before.length).toBeGreaterThanOrEqual(4);
		const wednesdays = before.filter((m) => !m.shiftedFrom);
		for (const m of wednesdays) expect(new Date(Date.parse(localDay(m.startsAt) + 'T12:00:00Z')).getUTCDay(), m.startsAt).toBe(3);
		const gaps = wednesdays.slice(1).map((m, i) => (Date.parse(m.startsAt) - Date.parse(wednesdays[i].startsAt)) / 86_400_000);
		expect(new Set(gaps)).toEqual(new Set([14]));

		// The working week Saturday–Wednesday, and the second meeting's day a holiday.
		expect(
			await post(
				'admin',
				'/admin/calendar?/week',
				['6', '0', '1', '2', '3'].map((d) => ['days', d])
			)
		).toMatchObject({ type: 'success' });
		const target = wednesdays[1];
		const holidayDate = localDay(target.startsAt);
		const added = await post('admin', '/admin/calendar?/add', [
			['date', holidayDate],
			['name', 'تاسوعا']
		]);
		expect(added).toMatchObject({ type: 'success', data: { moved: 1 } });
		// Wednesday is a holiday, Thursday and Friday are off: it moves to Saturday, at 17:00.
		const moved = (await upcoming()).find((m) => m.id === target.id)!;
		expect(moved.shiftHoliday).toBe('تاسوعا');
		expect(localDay(moved.shiftedFrom!)).toBe(holidayDate);
		expect(new Date(Date.parse(localDay(moved.startsAt) + 'T12:00:00Z')).getUTCDay()).toBe(6);
		expect(Date.parse(moved.startsAt) - Date.parse(target.startsAt)).toBe(3 * 86_400_000);
		expect(toLocal(new Date(moved.startsAt), 'Asia/Tehran')).toMatchObject({ hour: 17, minute: 0 });
		// The same holiday twice is refused on its date field.
		expect(
			await post('admin', '/admin/calendar?/add', [
				['date', holidayDate],
				['name', 'x']
			])
		).toMatchObject({
			type: 'failure',
			status: 400,
			data: { errors: { date: 'taken' } }
		});

		// The calendar feed says why, in the reader's language (English here: no cookie).
		const feed = await (await fetch(`${server.url}/groups/${groupId}/calendar.ics`, { headers: { cookie: cookies.moderator } })).text();
		expect(feed.replace(/\r\n[ \t]/g, '')).toMatch(/a holiday: تاسوعا/);
		// So does the minutes' record of that meeting.
		const record = await assembleMinutes(database, moved.id);
		expect(record.meeting.shift).toEqual({ from: new Date(moved.shiftedFrom!).toISOString(), holiday: 'تاسوعا' });

		// The administrator removes the holiday: the meeting goes back to its Wednesday.
		const { holidays } = (await pageData<{ calendar: { holidays: { id: string; date: string }[] } }>('admin', '/admin/calendar')).calendar;
		const id = holidays.find((h) => h.date === holidayDate)!.id;
		expect(await post('admin', '/admin/calendar?/remove', [['id', id]])).toMatchObject({ type: 'success', data: { moved: 1 } });
		const back = (await upcoming()).find((m) => m.id === target.id)!;
		expect(back).toMatchObject({ startsAt: target.startsAt, shiftedFrom: null, shiftHoliday: null });
	});

	it('moves a series meeting that falls outside the working week to the next working day', async () => {
		// Every week on Friday (5), with Friday not a working day (set by the test before).
		const date = localDay(new Date(Date.now() + 3 * 86_400_000));
		expect(
			await post('moderator', `/groups/${groupId}/meetings?/series`, [
				['date', date],
				['time', '10:30'],
				['timeZone', 'Asia/Tehran'],
				['rhythm', 'weekly'],
				['weeks', '1'],
				['weekday', '5'],
				['durationMinutes', '60'],
				['place', ''],
				['link', '']
			])
		).toMatchObject({ type: 'success' });
		const list = await upcoming();
		const regular = list.filter((m) => m.shiftedFrom);
		expect(regular.length).toBeGreaterThanOrEqual(4);
		for (const m of regular) {
			expect(new Date(Date.parse(localDay(m.shiftedFrom!) + 'T12:00:00Z')).getUTCDay()).toBe(5);
			expect(new Date(Date.parse(localDay(m.startsAt) + 'T12:00:00Z')).getUTCDay()).toBe(6);
			expect(m.shiftHoliday).toBeNull();
		}
	});
});

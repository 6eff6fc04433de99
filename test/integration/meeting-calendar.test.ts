// Calendar files over HTTP: the group's subscribable feed (session or secret link) and a
// meeting's download, checked by parsing the iCalendar text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { createStranger, demoGroups, openTestDb } from '../support/db';
import { actorFor, nextMeeting } from '../support/meeting-fixture';
import { cancelOccurrence } from '../../server/domain/meetings/occurrences';

let server: TestServer;
let groupId: string;
let meetingId: string;
let token: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	meetingId = (await nextMeeting(database.db)).id;
	// The second occurrence is cancelled: subscribers must see it as cancelled, not vanish.
	const second = await database.db.meeting.findFirstOrThrow({ where: { groupId, sequence: 1 } });
	await cancelOccurrence(database.db, await actorFor(database.db, 'moderator'), second.id);
	token = (await database.db.meetingSeries.findUniqueOrThrow({ where: { groupId } })).calendarToken!;
	const stranger = await createStranger(database);
	await database.close();
	cookies.member = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
});
afterAll(async () => server?.dispose());

const get = (path: string, cookie?: string) => fetch(server.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

/** RFC 5545 in brief: CRLF lines, folded lines continue with a space, VEVENT blocks of NAME:VALUE. */
function parse(text: string) {
	expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
	const raw = text.split('\r\n');
	for (const line of raw) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	const lines = text
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
	const events: Record<string, string>[] = [];
	let current: Record<string, string> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = null;
		} else if (current) {
			const i = line.indexOf(':');
			current[line.slice(0, i).split(';')[0]] = line.slice(i + 1);
		}
	}
	return { lines, events };
}

describe('calendar files', () => {
	it('serves the group feed to a member: VEVENTs with UID and DTSTART in UTC, cancelled ones marked', async () => {
		const res = await get(`/groups/${groupId}/calendar.ics`, cookies.member);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
		const { lines, events } = parse(await res.text());
		expect(lines).toContain('VERSION:2.0');
		expect(events.length).toBeGreaterThanOrEqual(4);
		for (const e of events) {
			expect(e.UID).toMatch(/^meeting-[a-z0-9]+@rahkar$/);
			expect(e.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
			expect(e.DURATION).toBe('PT90M');
			expect(e.SUMMARY).toBe('کارگروه کسب‌وکارهای خانگی');
			expect(e.URL).toMatch(new RegExp(`/meetings/[a-z0-9]+$`));
		}
		// 17:00 in Tehran is 13:30 UTC.
		expect(events.every((e) => e.DTSTART.endsWith('T133000Z'))).toBe(true);
		expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
		expect(events.filter((e) => e.STATUS === 'CANCELLED')).toHaveLength(1);
		expect(events.find((e) => e.UID === `meeting-${meetingId}@rahkar`)?.STATUS).toBe('CONFIRMED');
	});

	it('serves the feed to a calendar app holding the secret link, without a session', async () => {
		const res = await get(`/groups/${groupId}/calendar.ics?token=${encodeURIComponent(token)}`);
		expect(res.status).toBe(200);
		expect(parse(await res.text()).events.length).toBeGreaterThanOrEqual(4);
		expect(res.headers.get('cache-control')).toContain('private');
	});

	it('refuses strangers, wrong tokens and anonymous requests', async () => {
		expect((await get(`/groups/${groupId}/calendar.ics`, cookies.stranger)).status).toBe(404);
		expect((await get(`/groups/${groupId}/calendar.ics?token=not-the-token`)).status).toBe(404);
		expect((await get(`/groups/${groupId}/calendar.ics`)).status).toBe(401);
		expect((await get(`/groups/does-not-exist/calendar.ics?token=${encodeURIComponent(token)}`)).status).toBe(404);
		expect((await get(`/meetings/${meetingId}/calendar.ics`, cookies.stranger)).status).toBe(404);
		expect((await get(`/meetings/${meetingId}/calendar.ics`)).status).toBe(401);
	});

	it('downloads one meeting as a calendar file', async () => {
		const res = await get(`/meetings/${meetingId}/calendar.ics`, cookies.member);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="meeting-/);
		const { events } = parse(await res.text());
		expect(events).toHaveLength(1);
		expect(events[0].UID).toBe(`meeting-${meetingId}@rahkar`);
		expect(events[0].LOCATION).toContain('سالن جلسات');
	});
});

// A Persian reader's minutes (issue 15, points 4, 5 and 14): the Markdown export and the
// minutes page write the status in Persian (the export said "ARCHIVED"), a tally in words
// and Persian digits («۲ موافق، ۰ مخالف، ۰ ممتنع», never "2/0/0" or Latin digits), and a
// meeting that moved off a holiday says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { demoGroups, openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';
import { canonicalJson, contentHash } from '../../server/domain/minutes/canonical';
import { FIXED_RECORD } from '../support/minutes-record';

let server: TestServer;
let database: Database;
let meetingId: string;
let cookie: string;

const get = (path: string, locale: 'fa' | 'en') =>
	fetch(`${server.url}${path}`, { headers: { cookie: `${cookie}; PARAGLIDE_LOCALE=${locale}` } });

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	const [group] = await demoGroups(database);
	const startsAt = new Date('2026-11-28T13:30:00.000Z');
	const meeting = await database.db.meeting.create({
		data: { groupId: group.id, startsAt, status: 'CLOSED', shiftedFrom: new Date('2026-11-26T13:30:00.000Z'), shiftHoliday: 'تاسوعا' }
	});
	meetingId = meeting.id;
	const record = {
		...FIXED_RECORD,
		meeting: { ...FIXED_RECORD.meeting, id: meeting.id, groupId: group.id, shift: { from: '2026-11-26T13:30:00.000Z', holiday: 'تاسوعا' } }
	};
	const content = canonicalJson(record);
	await database.db.minutes.create({
		data: {
			meetingId,
			groupId: group.id,
			version: 1,
			status: 'ARCHIVED',
			content,
			contentHash: contentHash(content),
			archivedAt: new Date()
		}
	});
	cookie = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

describe('minutes for a Persian reader', () => {
	it('exports Markdown with the status, the tally and the move in Persian', async () => {
		const md = await (await get(`/meetings/${meetingId}/minutes/export.md`, 'fa')).text();
		expect(md).not.toContain('ARCHIVED');
		expect(md).toContain('بایگانی‌شده');
		expect(md).toContain('۲ موافق، ۰ مخالف، ۰ ممتنع');
		expect(md).not.toMatch(/\d\/\d\/\d/);
		expect(md).toMatch(/منتقل شد، به‌خاطر تعطیلی تاسوعا/);
		const en = await (await get(`/meetings/${meetingId}/minutes/export.md`, 'en')).text();
		expect(en).toContain('2 yes, 0 no, 0 abstain');
		expect(en).toContain('a holiday: تاسوعا');
	});

	it('shows the tally in words and Persian digits on the minutes page', async () => {
		const html = await (await get(`/meetings/${meetingId}/minutes`, 'fa')).text();
		expect(html).toContain('۲ موافق، ۰ مخالف، ۰ ممتنع');
		expect(html).toContain('به‌خاطر تعطیلی تاسوعا');
	});
});

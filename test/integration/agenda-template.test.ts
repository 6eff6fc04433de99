// A group's standing agenda items, through the real form and the real collab server: a
// moderator saves them; an upcoming meeting whose agenda is open in someone's browser and
// still empty gets them live; one that has items of its own keeps only those; the meetings
// the series creates later start with them; members may not change them, and a bad row is
// refused with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { openTestDb, storedDoc } from '../support/db';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import type { Database } from '../../server/db/client';
import { ensureOccurrences } from '../../server/domain/meetings/series';

const STANDING = ['تأیید صورت‌جلسه‌ی قبل', 'پیگیری اقدام‌ها', 'سایر موارد'];
let server: TestServer;
let database: Database;
let groupId: string;
let moderator: string;
let member: string;
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	groupId = (await database.db.group.findFirstOrThrow({ where: { series: { isNot: null } }, orderBy: { createdAt: 'asc' } })).id;
	moderator = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
	member = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

function saveTemplate(cookie: string, rows: [string, string][]) {
	const body = new URLSearchParams();
	for (const [title, minutes] of rows) {
		body.append('title', title);
		body.append('minutes', minutes);
	}
	return fetch(`${server.url}/groups/${groupId}/meetings?/template`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body
	});
}

const storedTemplate = async () =>
	(await database.db.group.findUniqueOrThrow({ where: { id: groupId }, select: { agendaTemplate: true } })).agendaTemplate;

describe('standing agenda items', () => {
	it('refuses members and a bad row, saving nothing', async () => {
		expect((await saveTemplate(member, [['Any other business', '10']])).status).toBe(403);
		const bad = await saveTemplate(moderator, [
			['Approval of the last minutes', '5'],
			['Follow-ups', 'a lot']
		]);
		expect(bad.status).toBe(400);
		expect(await storedTemplate()).toBe('[]');
	});

	it('go live into an open, empty agenda, leave a filled one alone, and start every meeting made later', async () => {
		const [first, second] = await database.db.meeting.findMany({
			where: { groupId, status: 'SCHEDULED', startsAt: { gt: new Date() } },
			orderBy: { startsAt: 'asc' },
			take: 2
		});
		// Someone has the first agenda open, still empty; the second has an item of its own.
		const open = yjsClient(server.url, agendaDocumentName(first.id), moderator);
		clients.push(open);
		await synced(open);
		expect(agendaItems(open.doc)).toEqual([]);
		const other = yjsClient(server.url, agendaDocumentName(second.id), moderator);
		clients.push(other);
		await synced(other);
		addItem(other.doc, { title: 'The pilot shop' });
		await eventually(
			async () => agendaItems(await storedDoc(database, agendaDocumentName(second.id))).length === 1,
			5000,
			'the own item stored'
		);

		// Three items and two spare rows, as the form sends them.
		const saved = await saveTemplate(moderator, [
			[STANDING[0], '5'],
			[STANDING[1], '15'],
			[STANDING[2], '10'],
			['', '10'],
			['  ', '10']
		]);
		expect(saved.status).toBe(200);
		expect(JSON.parse(await storedTemplate())).toEqual([
			{ title: STANDING[0], minutes: 5 },
			{ title: STANDING[1], minutes: 15 },
			{ title: STANDING[2], minutes: 10 }
		]);

		await eventually(() => agendaItems(open.doc).length === 3, 5000, 'the standing items in the open agenda');
		expect(agendaItems(open.doc).map((i) => [i.title, i.minutes])).toEqual([
			[STANDING[0], 5],
			[STANDING[1], 15],
			[STANDING[2], 10]
		]);
		expect(agendaItems(other.doc).map((i) => i.title)).toEqual(['The pilot shop']);

		// Saving again adds nothing to an agenda that has them already.
		expect((await saveTemplate(moderator, [[STANDING[0], '5']])).status).toBe(200);
		await new Promise((r) => setTimeout(r, 300));
		expect(agendaItems(open.doc)).toHaveLength(3);

		// A meeting the series creates later (here: asked for from a month on) starts with them.
		const before = new Set((await database.db.meeting.findMany({ where: { groupId }, select: { id: true } })).map((m) => m.id));
		const series = await database.db.meetingSeries.findUniqueOrThrow({ where: { groupId } });
		await ensureOccurrences(database.db, series.id, new Date(Date.now() + 120 * 86_400_000));
		const created = (await database.db.meeting.findMany({ where: { groupId }, select: { id: true } })).filter((m) => !before.has(m.id));
		expect(created.length).toBeGreaterThan(0);
		for (const { id } of created) {
			expect(agendaItems(await storedDoc(database, agendaDocumentName(id))).map((i) => i.title)).toEqual([STANDING[0]]);
		}
	});
});

// Minutes from a real meeting: assembled while live, frozen at close, archived with a
// hash that verifies, immutable through every route, amended as a new version, approved
// at the next meeting, exported as Markdown and JSON, and found by a Persian word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, synced, yjsClient, type TestSocket, type YClient } from '../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../support/db';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import { contentHash } from '../../server/domain/minutes/canonical';
import { createActionItem } from '../../server/domain/action-items/create';
import type { Database } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';

let server: TestServer;
let database: Database;
let groupId: string;
let meetingId: string;
let nextMeetingId: string;
let moderator: TestSocket;
const cookies: Record<string, string> = {};
const clients: YClient[] = [];

const post = (path: string, form: Record<string, string>, who = 'moderator') =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			cookie: cookies[who],
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(form)
	});
const get = (path: string, who = 'moderator') =>
	fetch(`${server.url}${path}`, { headers: { cookie: cookies[who], 'accept-language': 'en' } });
const actorOf = async (email: string): Promise<Actor> => {
	const u = await database.db.user.findUniqueOrThrow({ where: { email } });
	return { userId: u.id, organisationId: u.organisationId, personId: u.personId, isAdmin: u.isAdmin };
};
const latestMinutes = () => database.db.minutes.findFirstOrThrow({ where: { meetingId }, orderBy: { version: 'desc' } });

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	const day = 24 * 60 * 60_000;
	meetingId = (await database.db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() - 60_000) } })).id;
	nextMeetingId = (await database.db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() + 15 * day) } })).id;
	for (const who of ['moderator', 'member', 'executor', 'observer'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	moderator = await connectSocket(server.url, cookies.moderator);
});

afterAll(async () => {
	moderator?.close();
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

describe('minutes', () => {
	it('assemble themselves during the meeting and freeze when it closes', async () => {
		const agenda = yjsClient(server.url, agendaDocumentName(meetingId), cookies.member);
		clients.push(agenda);
		await synced(agenda);
		const first = addItem(agenda.doc, { title: 'بازارچه‌ی محله', minutes: 15 });
		addItem(agenda.doc, { title: 'Budget', minutes: 10 });
		await eventually(
			async () => agendaItems(await storedDoc(database, agendaDocumentName(meetingId))).length === 2,
			10_000,
			'agenda stored'
		);

		expect(await moderator.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });
		expect(await moderator.emitWithAck('meeting:current', { meetingId, itemId: first })).toMatchObject({ ok: true });
		expect(await moderator.emitWithAck('meeting:checkin', { meetingId, present: true })).toMatchObject({ ok: true });
		const moderatorActor = await actorOf('moderator@rahkar.example');
		const executor = await database.db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } });
		await createActionItem(database.db, moderatorActor, {
			groupId,
			title: 'Rent the shop',
			ownerPersonId: executor.personId!,
			dueDate: '2026-12-10',
			meetingId
		});
		const proposal = await database.db.proposal.create({ data: { groupId, title: 'Neighbourhood bazaar', state: 'IN_REVIEW' } });
		await database.db.decision.create({
			data: { meetingId, proposalId: proposal.id, method: 'CONSENSUS', outcome: 'APPROVED', text: 'Open it in spring' }
		});

		// While live, the page shows the draft as it stands.
		const live = await get(`/meetings/${meetingId}/minutes`);
		expect(live.status).toBe(200);
		const liveHtml = await live.text();
		expect(liveHtml).toContain('Live draft');
		expect(liveHtml).toContain('بازارچه‌ی محله');

		await new Promise((r) => setTimeout(r, 1100)); // so the item has a measurable time
		expect(await moderator.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
		expect((await get(`/meetings/${meetingId}/minutes`)).status).toBe(200);
		const draft = await latestMinutes();
		expect(draft.status).toBe('DRAFT');
		const record = JSON.parse(draft.content);
		expect(record.agenda.map((a: { title: string }) => a.title)).toEqual(['بازارچه‌ی محله', 'Budget']);
		expect(record.agenda[0].spentSeconds).toBeGreaterThanOrEqual(1);
		expect(record.attendance).toHaveLength(1);
		expect(record.decisions[0]).toMatchObject({ text: 'Open it in spring', proposalTitle: 'Neighbourhood bazaar' });
		expect(record.actionItems[0]).toMatchObject({ title: 'Rent the shop', createdHere: true });
	});

	it('let the moderator correct the draft, and nobody else', async () => {
		const draft = await latestMinutes();
		const items = JSON.parse(draft.content).agenda as { id: string; title: string }[];
		const form = {
			minutesId: draft.id,
			remarks: 'شروع با ده دقیقه تأخیر',
			itemId: items[0].id,
			[`title:${items[0].id}`]: items[0].title,
			[`notes:${items[0].id}`]: 'سرمایه‌ی اولیه تأمین شد'
		};
		expect((await post(`/meetings/${meetingId}/minutes?/correct`, form, 'member')).status).toBe(200);
		expect((await latestMinutes()).content).toBe(draft.content); // a member's correction is refused
		expect((await post(`/meetings/${meetingId}/minutes?/correct`, form)).status).toBe(200);
		const fixed = JSON.parse((await latestMinutes()).content);
		expect(fixed.remarks).toBe('شروع با ده دقیقه تأخیر');
		expect(fixed.agenda[0].notes).toBe('سرمایه‌ی اولیه تأمین شد');
	});

	it('archive for good: hash verifies, no route changes them, and the next meeting gets an approval item', async () => {
		const draft = await latestMinutes();
		expect((await post(`/meetings/${meetingId}/minutes?/archive`, { minutesId: draft.id })).status).toBe(200);
		const archived = await latestMinutes();
		expect(archived.status).toBe('ARCHIVED');
		expect(archived.contentHash).toBe(contentHash(archived.content));
		// Every route that changes minutes refuses archived ones, and nothing changes.
		const correction = await post(`/meetings/${meetingId}/minutes?/correct`, { minutesId: archived.id, remarks: 'tampered' });
		expect(await correction.json()).toMatchObject({ type: 'failure', status: 409 });
		expect((await post(`/meetings/${meetingId}/minutes?/archive`, { minutesId: archived.id })).status).toBe(200);
		const after = await latestMinutes();
		expect(after.content).toBe(archived.content);
		expect(after.archivedAt?.getTime()).toBe(archived.archivedAt?.getTime());
		// The agenda of a closed meeting is read-only too: the stored agenda is unchanged.
		const page = await (await get(`/meetings/${meetingId}/minutes`)).text();
		expect(page).toContain('verified');
		await eventually(
			async () =>
				agendaItems(await storedDoc(database, agendaDocumentName(nextMeetingId))).some(
					(i) => i.kind === 'approve-minutes' && i.ref === archived.id
				),
			10_000,
			'approval item on the next agenda'
		);
	});

	it('are amended only as a new version with a reason; the earlier version stays readable', async () => {
		const v1 = await latestMinutes();
		expect(
			await (await post(`/meetings/${meetingId}/minutes?/amend`, { minutesId: v1.id, reason: '', remarks: 'x' })).json()
		).toMatchObject({ status: 400 });
		const res = await post(`/meetings/${meetingId}/minutes?/amend`, {
			minutesId: v1.id,
			reason: 'نام مجری اشتباه ثبت شده بود',
			remarks: 'اصلاح شد'
		});
		expect(res.status).toBe(200);
		const v2 = await latestMinutes();
		expect(v2).toMatchObject({ version: 2, status: 'ARCHIVED', amendsId: v1.id, amendmentReason: 'نام مجری اشتباه ثبت شده بود' });
		expect(v2.contentHash).toBe(contentHash(v2.content));
		const old = await database.db.minutes.findUniqueOrThrow({ where: { id: v1.id } });
		expect(old.content).toBe(v1.content);
		expect((await get(`/meetings/${meetingId}/minutes?version=1`)).status).toBe(200);
		// The approval item now points at the amended version.
		await eventually(
			async () =>
				agendaItems(await storedDoc(database, agendaDocumentName(nextMeetingId)))
					.filter((i) => i.kind === 'approve-minutes')
					.map((i) => i.ref)
					.join() === v2.id,
			10_000,
			'approval item follows the amendment'
		);
	});

	it('export as Markdown and JSON holding every decision and action item', async () => {
		const md = await (await get(`/meetings/${meetingId}/minutes/export.md`)).text();
		expect(md).toContain('Open it in spring');
		expect(md).toContain('Rent the shop');
		expect(md).toContain('بازارچه‌ی محله');
		const body = await (await get(`/meetings/${meetingId}/minutes/export.json`)).json();
		expect(body.version).toBe(2);
		expect(body.record.decisions.map((d: { text: string }) => d.text)).toEqual(['Open it in spring']);
		expect(body.record.actionItems.map((a: { title: string }) => a.title)).toEqual(['Rent the shop']);
		const archive = await (await get(`/groups/${groupId}/minutes/archive.json`)).json();
		expect(archive.minutes).toHaveLength(1);
		expect((await get(`/groups/${groupId}/minutes/archive.md`)).status).toBe(200);
	});

	it('are approved by the members present at the next meeting', async () => {
		const minutes = await latestMinutes();
		expect(await moderator.emitWithAck('meeting:start', { meetingId: nextMeetingId })).toMatchObject({ ok: true });
		const member = await connectSocket(server.url, cookies.member);
		expect(await member.emitWithAck('meeting:checkin', { meetingId: nextMeetingId, present: true })).toMatchObject({ ok: true });
		member.close();
		expect(await moderator.emitWithAck('meeting:checkin', { meetingId: nextMeetingId, present: true })).toMatchObject({ ok: true });
		// An observer may not approve; one of two present is not a majority; two are.
		await post(`/meetings/${meetingId}/minutes?/approve`, { minutesId: minutes.id }, 'observer');
		await post(`/meetings/${meetingId}/minutes?/approve`, { minutesId: minutes.id }, 'member');
		expect((await latestMinutes()).approvedAt).toBeNull();
		await post(`/meetings/${meetingId}/minutes?/approve`, { minutesId: minutes.id }, 'moderator');
		const approved = await latestMinutes();
		expect(approved.approvedAt).not.toBeNull();
		expect(approved.approvedInMeetingId).toBe(nextMeetingId);
		expect(approved.contentHash).toBe(contentHash(approved.content)); // approval does not touch the record
	});

	it('are found by a Persian word typed with Arabic letters, with the match highlighted', async () => {
		const html = await (await get(`/search?q=${encodeURIComponent('سرمايه')}`)).text();
		expect(html).toMatch(/<mark[^>]*>سرمایه<\/mark>/);
		const stranger = await (await get(`/search?q=${encodeURIComponent('سرمایه')}`, 'observer')).text();
		expect(stranger).toMatch(/<mark[^>]*>/);
	});
});

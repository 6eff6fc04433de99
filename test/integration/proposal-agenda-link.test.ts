// Filing a proposal from an agenda item, through the real form and the real collab server:
// the proposal keeps the meeting and the item, and the item in everyone's agenda gets the
// proposal's id, live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { openTestDb } from '../support/db';
import { nextMeeting } from '../support/meeting-fixture';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';

let server: TestServer;
let meetingId: string;
let groupId: string;
let cookie: string;
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	({ id: meetingId, groupId } = await nextMeeting(database.db));
	await database.close();
	cookie = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
});
afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.dispose();
});

describe('a proposal raised from an agenda item', () => {
	it('links the proposal and the item both ways', async () => {
		const agenda = yjsClient(server.url, agendaDocumentName(meetingId), cookie);
		clients.push(agenda);
		await synced(agenda);
		const itemId = addItem(agenda.doc, { title: 'Pilot shop for home bakers' });

		const res = await fetch(`${server.url}/groups/${groupId}/proposals/new`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ title: 'Pilot shop for home bakers', meetingId, agendaItemId: itemId, submit: '1' })
		});
		expect(res.status).toBe(303);
		const proposalId = /\/proposals\/([a-z0-9]+)$/.exec(res.headers.get('location') ?? '')?.[1];
		expect(proposalId).toBeTruthy();

		await eventually(() => agendaItems(agenda.doc).find((i) => i.id === itemId)?.proposalId === proposalId, 5000, 'the agenda link');
		const page = await fetch(`${server.url}/proposals/${proposalId}`, { headers: { cookie } });
		expect(await page.text()).toContain(`/meetings/${meetingId}`);
	});
});

// /metrics on the real server: refused (404) without the token, and with it Prometheus text
// that counts the sockets really open by kind, the open documents, the write pipeline,
// requests by route pattern and job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, synced, yjsClient } from '../support/clients';
import { openTestDb, storedDoc } from '../support/db';
import { nextMeeting } from '../support/meeting-fixture';
import { agendaDocumentName } from '../../shared/documents';

const TOKEN = 'metrics-token-0123456789';
let server: TestServer;

beforeAll(async () => {
	server = await startServer({ env: { METRICS_TOKEN: TOKEN, RAHKAR_MAIL_EVERY_SECONDS: '0.5' } });
});
afterAll(async () => {
	await server?.dispose();
});

const scrape = async (authorization?: string) => fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
/** The value of one sample (`name{labels}`), or undefined when it is not there. */
async function sample(series: string): Promise<number | undefined> {
	const text = await (await scrape(`Bearer ${TOKEN}`)).text();
	const line = text.split('\n').find((l) => l.startsWith(`${series} `));
	return line ? Number(line.slice(series.length + 1)) : undefined;
}

describe('GET /metrics', () => {
	it('is a 404 without the token or with a wrong one', async () => {
		for (const authorization of [undefined, 'Bearer wrong-token-0123456789', TOKEN, `Basic ${TOKEN}`]) {
			const res = await scrape(authorization);
			expect(res.status, String(authorization)).toBe(404);
			expect(await res.text()).not.toContain('rahkar_');
		}
	});

	it('counts open sockets by kind, open documents, writes, requests by route and job runs', async () => {
		const res = await scrape(`Bearer ${TOKEN}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await sample('rahkar_open_sockets{kind="socketio"}')).toBe(0);
		expect(await sample('rahkar_open_sockets{kind="collab"}')).toBe(0);
		expect(await sample('rahkar_collab_documents_open')).toBe(0);

		const cookie = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
		const database = await openTestDb(server);
		const meeting = await nextMeeting(database.db);
		const name = agendaDocumentName(meeting.id);
		const socket = await connectSocket(server.url, cookie);
		const agenda = yjsClient(server.url, name, cookie);
		await synced(agenda);
		expect(await sample('rahkar_open_sockets{kind="socketio"}')).toBe(1);
		expect(await sample('rahkar_open_sockets{kind="collab"}')).toBe(1);
		expect(await sample('rahkar_collab_documents_open')).toBe(1);

		// An edit goes through the write pipeline: one timed append, nothing left queued.
		agenda.doc.getText('metrics').insert(0, 'stored edit');
		await eventually(async () => (await storedDoc(database, name)).getText('metrics').toString() === 'stored edit', 5000, 'edit stored');
		await eventually(async () => ((await sample('rahkar_collab_write_seconds_count{outcome="ok"}')) ?? 0) >= 1, 5000, 'write timed');
		expect(await sample('rahkar_collab_write_queue')).toBe(0);

		// Requests are labelled by route pattern, not path.
		await fetch(`${server.url}/healthz`);
		await fetch(`${server.url}/meetings/${meeting.id}`, { headers: { cookie } });
		const text = await (await scrape(`Bearer ${TOKEN}`)).text();
		expect(text).toContain('rahkar_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}');
		expect(text).toContain('rahkar_http_request_duration_seconds_count{method="GET",route="/meetings/[id]",status="200"}');
		expect(text).not.toContain(meeting.id);
		expect(text).toMatch(/^rahkar_mail_outbox_pending \d+$/m);
		expect(text).toMatch(/^rahkar_nodejs_eventloop_lag_seconds /m);
		// PostgreSQL's pool (there is none on SQLite).
		if (server.provider === 'postgresql') expect(await sample('rahkar_db_pool_connections{state="total"}')).toBeGreaterThan(0);
		else expect(text).not.toContain('rahkar_db_pool_connections{');
		await eventually(async () => ((await sample('rahkar_job_runs_total{job="mail-sender",outcome="ok"}')) ?? 0) >= 1, 5000, 'a job run');

		socket.close();
		agenda.destroy();
		await eventually(async () => (await sample('rahkar_open_sockets{kind="socketio"}')) === 0, 5000, 'socket.io closed');
		await eventually(async () => (await sample('rahkar_open_sockets{kind="collab"}')) === 0, 5000, 'collab closed');
		await database.close();
	});
});

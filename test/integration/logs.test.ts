// Structured logs from the real server: one JSON object a line, every request's line
// carrying its id (returned as X-Request-Id, the client's own only when it is a safe token),
// socket connections their own id, job runs theirs, and no cookie, password or token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { eventually, signIn, synced, yjsClient } from '../support/clients';
import { demoGroups, openTestDb } from '../support/db';
import { agendaDocumentName } from '../../shared/documents';
import { nextMeeting } from '../support/meeting-fixture';

interface Line {
	level: number;
	msg: string;
	reqId?: string;
	connId?: string;
	runId?: string;
	job?: string;
	[key: string]: unknown;
}

let server: TestServer;
const lines = () =>
	server
		.output()
		.split('\n')
		.filter((l) => l.trim() !== '');
const parsed = () => lines().map((l) => JSON.parse(l) as Line);

beforeAll(async () => {
	server = await startServer({ env: { LOG_FORMAT: 'json', LOG_LEVEL: 'debug', RAHKAR_MAIL_EVERY_SECONDS: '0.5' } });
});
afterAll(async () => {
	await server?.dispose();
});

describe('structured logs', () => {
	it('are JSON lines with request, connection and run ids, and no cookie, password or token', async () => {
		const WRONG_PASSWORD = 'Wrong-Secret-Password-42';
		const FAKE_COOKIE = 'better-auth.session_token=FakeCookieValue0123456789';
		const FEED_TOKEN = 'FeedTokenValue0123456789';

		// A client's safe id is kept and returned; the sign-in posts a password and a cookie.
		const failed = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				cookie: FAKE_COOKIE,
				'x-request-id': 'client-req-0001',
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ email: 'member@rahkar.example', password: WRONG_PASSWORD })
		});
		expect(failed.headers.get('x-request-id')).toBe('client-req-0001');

		// An unsafe id (too long, odd characters) is replaced by a generated one.
		const odd = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': `a/b ${'x'.repeat(100)}` } });
		const generated = odd.headers.get('x-request-id')!;
		expect(generated).toMatch(/^[0-9a-f-]{36}$/);

		// A real sign-in (its Set-Cookie holds the session), a page with the cookie, a feed with a token.
		const cookie = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
		const sessionValue = cookie.split('=')[1];
		const page = await fetch(`${server.url}/dashboard`, { headers: { cookie, 'x-request-id': 'page-req-0002' } });
		expect(page.status).toBe(200);
		const database = await openTestDb(server);
		const [group] = await demoGroups(database);
		const meeting = await nextMeeting(database.db);
		await database.close();
		await fetch(`${server.url}/groups/${group.id}/calendar.ics?token=${FEED_TOKEN}`);

		// A Socket.IO connection and a collab connection, each with the id it offers.
		const socket = io(server.url, {
			transports: ['websocket'],
			extraHeaders: { cookie, 'x-request-id': 'socket-conn-0003' },
			reconnection: false,
			forceNew: true
		});
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		const agenda = yjsClient(server.url, agendaDocumentName(meeting.id), cookie);
		await synced(agenda);
		socket.close();
		agenda.destroy();

		await eventually(
			() => parsed().some((l) => l.msg === 'socket closed' && l.kind === 'collab') && parsed().some((l) => l.job === 'mail-sender'),
			10_000,
			'the sockets closed and a job ran'
		);

		// Every line is one JSON object.
		for (const line of lines()) expect(() => JSON.parse(line), line).not.toThrow();
		const all = parsed();

		// Each request's line carries its id and the route's pattern, not its path or query.
		const request = (reqId: string) => all.find((l) => l.msg === 'request' && l.reqId === reqId);
		expect(request('client-req-0001')).toMatchObject({ method: 'POST', route: '/login', status: failed.status });
		// What better-auth says while SvelteKit's action runs carries the same id.
		expect(all.find((l) => l.source === 'better-auth' && l.msg === 'Invalid password')?.reqId).toBe('client-req-0001');
		expect(request(generated)).toMatchObject({ method: 'GET', route: '/healthz', status: 200 });
		expect(request('page-req-0002')).toMatchObject({ method: 'GET', route: '/dashboard', status: 200 });
		const feed = all.find((l) => l.msg === 'request' && l.route === '/groups/[id]/calendar.ics');
		expect(feed?.path).toBe(`/groups/${group.id}/calendar.ics`);
		expect(feed?.reqId).toMatch(/^[0-9a-f-]{36}$/);

		// Sockets: the connection's own id on its lines, opened and closed.
		const socketLines = all.filter((l) => l.connId === 'socket-conn-0003');
		expect(socketLines.map((l) => l.msg)).toEqual(['socket connected', 'socket closed']);
		expect(socketLines[0]).toMatchObject({ kind: 'socket.io' });
		const collab = all.filter((l) => l.kind === 'collab');
		expect(collab.map((l) => l.msg)).toEqual(['socket connected', 'socket closed']);
		expect(collab[0].connId).toMatch(/^[0-9a-f-]{36}$/);
		expect(collab[0].connId).toBe(collab[1].connId);

		// Jobs: each run has its own id.
		const runs = all.filter((l) => l.job === 'mail-sender');
		expect(runs[0].runId).toMatch(/^[0-9a-f-]{36}$/);

		// No secret is in any line.
		const text = server.output();
		for (const secret of [
			WRONG_PASSWORD,
			DEMO_PASSWORD,
			'FakeCookieValue0123456789',
			sessionValue,
			decodeURIComponent(sessionValue),
			FEED_TOKEN
		])
			expect(text).not.toContain(secret);
	});
});

// Action items live, against the real server with real Socket.IO clients: an owner's
// status change reaches a running meeting's clients at once, notifications reach their
// users' tabs, and the pages' form actions, CSV export and calendar feed answer over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, type TestSocket } from '../support/clients';
import { createStranger, demoGroups, openTestDb } from '../support/db';
import { nextMeeting } from '../support/meeting-fixture';
import type { FollowUpsView, NotificationView } from '../../shared/action-items';
import { addDays, todayIn } from '../../shared/action-items';

let server: TestServer;
let meetingId: string;
let groupId: string;
let executorPersonId: string;
const cookies: Record<string, string> = {};
const sockets: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	({ id: meetingId, groupId } = await nextMeeting(database.db));
	expect((await demoGroups(database))[0].id).toBe(groupId);
	executorPersonId = (await database.db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } })).personId!;
	const stranger = await createStranger(database);
	await database.close();
	for (const who of ['moderator', 'member', 'executor', 'observer'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await server?.dispose();
});

/** A client that keeps the newest follow-ups and every notification it is sent. */
async function client(who: string) {
	const socket = await connectSocket(server.url, cookies[who]);
	sockets.push(socket);
	const seen = { followUps: null as FollowUpsView | null, notifications: [] as NotificationView[], unread: -1 };
	socket.on('meeting:followups', (f) => {
		if (!seen.followUps || f.stamp > seen.followUps.stamp) seen.followUps = f;
	});
	socket.on('notification:new', (p) => {
		seen.notifications.push(p.notification);
		seen.unread = p.unread;
	});
	socket.on('notification:unread', (p) => (seen.unread = p.unread));
	return { socket, seen };
}

/** Posts a SvelteKit form action the way use:enhance does, and returns its JSON answer. */
async function action(who: string, path: string, fields: Record<string, string>) {
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
	return (await res.json()) as { type: string; status?: number; location?: string; data?: string };
}

const status = (f: FollowUpsView | null, id: string) => [...(f?.carried ?? []), ...(f?.created ?? [])].find((i) => i.id === id)?.status;

describe('action items in a running meeting', () => {
	let itemId: string;

	it('a moderator adds an item in the live meeting: the room sees it and the executor is told', async () => {
		const mod = await client('moderator');
		const member = await client('member');
		const executor = await client('executor');
		for (const c of [mod, member]) expect(await c.socket.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
		expect(await mod.socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });

		const created = await action('moderator', `/groups/${groupId}/actions?/create`, {
			title: 'Price list for the neighbourhood shop',
			ownerPersonId: executorPersonId,
			dueDate: addDays(todayIn('Asia/Tehran'), 7),
			meetingId,
			agendaItemId: 'item-1',
			next: `/meetings/${meetingId}`
		});
		expect(created).toMatchObject({ type: 'redirect', location: `/meetings/${meetingId}` });

		await eventually(() => (member.seen.followUps?.created.length ?? 0) === 1, 5000, 'follow-ups reach the room');
		itemId = member.seen.followUps!.created[0].id;
		expect(member.seen.followUps!.created[0]).toMatchObject({
			title: 'Price list for the neighbourhood shop',
			status: 'OPEN',
			agendaItemId: 'item-1'
		});
		await eventually(() => executor.seen.notifications.some((n) => n.kind === 'ASSIGNED' && n.item.id === itemId), 5000, 'assignment');
		expect(executor.seen.unread).toBeGreaterThan(0);

		// A late joiner gets the follow-ups in the meeting snapshot itself.
		const late = await client('observer');
		const joined = await late.socket.emitWithAck('meeting:join', { meetingId });
		if (!joined.ok) throw new Error(joined.code);
		expect(joined.state.followUps.created.map((i) => i.id)).toEqual([itemId]);
	});

	it("an executor's status change reaches the meeting's clients at once, and the creator is told", async () => {
		const mod = await client('moderator');
		const observer = await client('observer');
		const watcher = await client('member');
		await mod.socket.emitWithAck('meeting:join', { meetingId });
		await observer.socket.emitWithAck('meeting:join', { meetingId });
		// A page that only shows the follow-ups follows them without joining the room.
		const watched = await watcher.socket.emitWithAck('followups:watch', { meetingId });
		expect(watched).toMatchObject({ ok: true, followUps: { meetingId, frozen: false } });

		const executor = await client('executor');
		expect(await executor.socket.emitWithAck('action:status', { itemId, status: 'IN_PROGRESS', note: 'called three suppliers' })).toEqual({
			ok: true
		});
		for (const c of [mod, observer, watcher])
			await eventually(() => status(c.seen.followUps, itemId) === 'IN_PROGRESS', 3000, 'status in the room');
		expect(observer.seen.followUps!.created[0].lastNote).toMatchObject({ text: 'called three suppliers' });
		await eventually(
			() => mod.seen.notifications.some((n) => n.kind === 'STATUS_CHANGED' && n.status === 'IN_PROGRESS'),
			3000,
			'creator told'
		);

		// The same through the My actions page's form (no socket involved on the sender's side).
		expect(
			await action('executor', '/actions?/update', { itemId, status: 'BLOCKED', reason: 'supplier on holiday', note: '' })
		).toMatchObject({
			type: 'success'
		});
		for (const c of [mod, observer, watcher])
			await eventually(() => status(c.seen.followUps, itemId) === 'BLOCKED', 3000, 'blocked in the room');
		expect(observer.seen.followUps!.created[0].blockedReason).toBe('supplier on holiday');
	});

	it('refuses changes from anyone but the owner, a moderator or an administrator, and strangers learn nothing', async () => {
		const member = await client('member');
		const observer = await client('observer');
		await observer.socket.emitWithAck('meeting:join', { meetingId });
		const before = observer.seen.followUps;
		expect(await member.socket.emitWithAck('action:status', { itemId, status: 'DONE' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
		expect(await observer.socket.emitWithAck('action:note', { itemId, note: 'hi' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
		expect(await action('member', '/actions?/update', { itemId, status: 'DONE' })).toMatchObject({ type: 'failure', status: 403 });
		expect(await member.socket.emitWithAck('action:status', { itemId, status: 'BLOCKED' })).toMatchObject({ ok: false });
		expect(await member.socket.emitWithAck('action:status', { itemId: 42, status: 'DONE' } as never)).toMatchObject({
			ok: false,
			code: 'INVALID'
		});
		await new Promise((r) => setTimeout(r, 200));
		expect(observer.seen.followUps).toBe(before);

		const stranger = await client('stranger');
		expect(await stranger.socket.emitWithAck('followups:watch', { meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
		expect(await stranger.socket.emitWithAck('action:status', { itemId, status: 'DONE' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
		const page = await fetch(`${server.url}/actions/${itemId}`, { headers: { cookie: cookies.stranger } });
		expect(page.status).toBe(404);
	});

	it('after the meeting closes, the next meeting shows the item done and the closed one keeps its record', async () => {
		const mod = await client('moderator');
		expect(await mod.socket.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
		const database = await openTestDb(server);
		const [next, later] = await database.db.meeting.findMany({
			where: { groupId, status: 'SCHEDULED' },
			orderBy: { startsAt: 'asc' },
			take: 2
		});
		await database.close();
		const watcher = await client('observer');
		expect(await watcher.socket.emitWithAck('followups:watch', { meetingId: next.id })).toMatchObject({ ok: true });
		// Someone preparing a meeting further ahead hears it too.
		const ahead = await client('member');
		expect(await ahead.socket.emitWithAck('followups:watch', { meetingId: later.id })).toMatchObject({ ok: true });

		const executor = await client('executor');
		expect(await executor.socket.emitWithAck('action:status', { itemId, status: 'DONE', note: 'printed and on the counter' })).toEqual({
			ok: true
		});
		await eventually(() => status(watcher.seen.followUps, itemId) === 'DONE', 3000, 'done in the next meeting');
		await eventually(() => status(ahead.seen.followUps, itemId) === 'DONE', 3000, 'done in a later meeting');
		expect(watcher.seen.followUps!.carried.find((i) => i.id === itemId)?.carriedFrom?.meetingId).toBe(meetingId);

		const closed = await mod.socket.emitWithAck('followups:watch', { meetingId });
		if (!closed.ok) throw new Error(closed.code);
		expect(closed.followUps.frozen).toBe(true);
		expect(status(closed.followUps, itemId)).toBe('BLOCKED');
	});
});

describe('notifications and pages', () => {
	it('marks notifications read, and every tab of that user hears the new count', async () => {
		const tabA = await client('executor');
		const tabB = await client('executor');
		const read = await tabA.socket.emitWithAck('notifications:read', {});
		expect(read).toEqual({ ok: true, unread: 0 });
		await eventually(() => tabB.seen.unread === 0, 3000, 'other tab updated');
		const bell = await fetch(`${server.url}/notifications`, { headers: { cookie: cookies.executor } });
		expect(bell.status).toBe(200);
	});

	it('serves My actions, the group list with CSV, and the owner feed by its secret link', async () => {
		const mine = await fetch(`${server.url}/actions`, { headers: { cookie: cookies.executor } });
		const html = await mine.text();
		expect(mine.status).toBe(200);
		const feedUrl = /(http[^"]*\/actions\/calendar\.ics\?token=[^"]+)"/.exec(html)?.[1].replace(/&amp;/g, '&');
		expect(feedUrl).toBeTruthy();
		const feed = await fetch(feedUrl!.replace(/^http:\/\/[^/]+/, server.url));
		expect(feed.headers.get('content-type')).toContain('text/calendar');
		expect(await feed.text()).toContain('BEGIN:VCALENDAR');
		expect((await fetch(`${server.url}/actions/calendar.ics?token=wrong`)).status).toBe(404);

		const csv = await fetch(`${server.url}/groups/${groupId}/actions/export.csv?status=DONE`, { headers: { cookie: cookies.observer } });
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const body = await csv.text();
		expect(body).toContain('Price list for the neighbourhood shop');
		expect(body.split('\r\n').filter(Boolean)).toHaveLength(2);
		expect((await fetch(`${server.url}/groups/${groupId}/actions/export.csv`, { headers: { cookie: cookies.stranger } })).status).toBe(404);

		const signedOut = await fetch(`${server.url}/actions`, { redirect: 'manual' });
		expect(signedOut.status).toBe(303);
	});
});

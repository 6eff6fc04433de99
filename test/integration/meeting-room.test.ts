// The live meeting over Socket.IO with real clients against the real server: what each
// role may do, what a late joiner receives, and what survives a hard restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, type TestSocket } from '../support/clients';
import { createStranger, openTestDb } from '../support/db';
import { nextMeeting } from '../support/meeting-fixture';
import { followMeeting } from '../support/meeting-follower';
import type { MeetingSnapshot } from '../../shared/meeting-state';
import { timerRemainingMs } from '../../shared/meeting-state';

let server: TestServer;
let meetingId: string;
const cookies: Record<string, string> = {};
const sockets: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	meetingId = (await nextMeeting(database.db)).id;
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

/** A client that keeps the room as the server's broadcasts make it, as the browser does. */
async function participant(who: string) {
	const socket = await connectSocket(server.url, cookies[who]);
	sockets.push(socket);
	const seen = followMeeting(socket, meetingId);
	return { socket, seen, join: seen.join };
}

describe('the live meeting over Socket.IO', () => {
	it('runs a meeting with three clients, and a late joiner gets queue, timer and current item at once', async () => {
		const mod = await participant('moderator');
		const member = await participant('member');
		const executor = await participant('executor');
		for (const p of [mod, member, executor]) {
			const joined = await p.join();
			expect(joined).toMatchObject({ ok: true, state: { meeting: { id: meetingId, status: 'SCHEDULED' } } });
		}

		expect(await mod.socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });
		expect(await mod.socket.emitWithAck('meeting:current', { meetingId, itemId: 'item-1' })).toMatchObject({ ok: true });
		expect(await mod.socket.emitWithAck('meeting:timer', { meetingId, action: 'start', itemId: 'item-1', durationSec: 600 })).toMatchObject(
			{
				ok: true
			}
		);
		expect(await member.socket.emitWithAck('meeting:hand', { meetingId, raised: true })).toMatchObject({ ok: true });
		expect(await executor.socket.emitWithAck('meeting:hand', { meetingId, raised: true })).toMatchObject({ ok: true });
		expect(await member.socket.emitWithAck('meeting:checkin', { meetingId })).toMatchObject({ ok: true });
		const last = await mod.socket.emitWithAck('meeting:checkin', { meetingId });
		expect(last).toMatchObject({ ok: true });
		const version = (last as { version: number }).version;

		// Every client converges on the same latest state.
		for (const p of [mod, member, executor]) {
			await eventually(() => p.seen.state?.version === version, 5000, 'latest snapshot');
			expect(p.seen.state).toMatchObject({ currentItemId: 'item-1', meeting: { status: 'LIVE' } });
			expect(p.seen.state!.queue.map((t) => t.side)).toEqual(['ENTREPRENEUR', 'EXECUTOR']);
		}

		const late = await participant('observer');
		const present = () => mod.seen.present;
		const joined = await late.join();
		if (!joined.ok) throw new Error(joined.code);
		expect(joined.viewer).toMatchObject({ role: 'OBSERVER', canModerate: false, canParticipate: false });
		expect(joined.state.version).toBe(version);
		expect(joined.state.currentItemId).toBe('item-1');
		expect(joined.state.queue.map((t) => t.side)).toEqual(['ENTREPRENEUR', 'EXECUTOR']);
		expect(joined.state.timer).toMatchObject({ itemId: 'item-1', durationSec: 600 });
		const left = timerRemainingMs(joined.state.timer!, Date.parse(joined.state.serverNow));
		expect(left).toBeGreaterThan(590_000);
		expect(left).toBeLessThanOrEqual(600_000);
		expect(joined.state.quorum.sidesPresent).toEqual(['ENTREPRENEUR', 'EXPERT']);
		await eventually(() => present().length === 4, 3000, 'four present');
		expect(
			present()
				.map((p) => p.side)
				.sort()
		).toEqual(['ENTREPRENEUR', 'EXECUTOR', 'EXPERT', 'MEDIA']);

		// The moderator calls the next speaker; the observer, watching, sees it.
		expect(await mod.socket.emitWithAck('meeting:queue', { meetingId, action: 'next' })).toMatchObject({ ok: true });
		await eventually(() => late.seen.state?.speaker?.side === 'ENTREPRENEUR', 3000, 'speaker reaches the observer');
		expect(late.seen.state!.queue.map((t) => t.side)).toEqual(['EXECUTOR']);
	});

	it("refuses an observer's actions and a stranger's join and actions", async () => {
		const observer = await participant('observer');
		const refusals = [
			observer.socket.emitWithAck('meeting:start', { meetingId }),
			observer.socket.emitWithAck('meeting:close', { meetingId }),
			observer.socket.emitWithAck('meeting:current', { meetingId, itemId: 'x' }),
			observer.socket.emitWithAck('meeting:timer', { meetingId, action: 'pause' }),
			observer.socket.emitWithAck('meeting:queue', { meetingId, action: 'next' }),
			observer.socket.emitWithAck('meeting:hand', { meetingId, raised: true }),
			observer.socket.emitWithAck('meeting:checkin', { meetingId })
		];
		for (const r of await Promise.all(refusals)) expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });

		const member = await participant('member');
		expect(await member.socket.emitWithAck('meeting:timer', { meetingId, action: 'pause' })).toMatchObject({
			ok: false,
			code: 'FORBIDDEN'
		});

		const stranger = await participant('stranger');
		expect(await stranger.socket.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
		expect(await stranger.socket.emitWithAck('meeting:hand', { meetingId, raised: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
		expect(await stranger.socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
		expect(await stranger.socket.emitWithAck('meeting:join', { meetingId: 'does-not-exist' })).toMatchObject({
			ok: false,
			code: 'NOT_FOUND'
		});
		// A refused join does not put the stranger in the room.
		let leaked = false;
		stranger.socket.on('meeting:patch', () => (leaked = true));
		stranger.socket.on('meeting:room', () => (leaked = true));
		const mod = await participant('moderator');
		await mod.socket.emitWithAck('meeting:current', { meetingId, itemId: 'item-2' });
		await new Promise((r) => setTimeout(r, 200));
		expect(leaked).toBe(false);
	});

	it('rejects malformed and oversized payloads while serving everyone else', async () => {
		const bad = await participant('member');
		const watcher = await participant('executor');
		await watcher.join();
		const raw = bad.socket as unknown as { emit(e: string, p: unknown): void };
		const send = (event: string, ...args: unknown[]) =>
			(bad.socket as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> }).emitWithAck(event, ...args);
		const malformed: [string, unknown][] = [
			['meeting:join', undefined],
			['meeting:join', 'a string'],
			['meeting:join', { meetingId: 42 }],
			['meeting:join', { meetingId: '' }],
			['meeting:hand', { meetingId, raised: 'yes' }],
			['meeting:timer', { meetingId, action: 'explode' }],
			['meeting:timer', { meetingId, action: 'start', itemId: 'x', durationSec: -5 }],
			['meeting:timer', { meetingId, action: 'start', itemId: 'x', durationSec: 1e12 }],
			['meeting:current', { meetingId, itemId: 'x'.repeat(10_000) }],
			['meeting:current', { meetingId, itemId: '<script>' }],
			['meeting:queue', { meetingId, action: 'move', turnId: 't', toIndex: 1.5 }],
			['meeting:attendance', { meetingId, personId: ['a'], present: true }],
			['meeting:checkin', [1, 2, 3]]
		];
		for (const [event, payload] of malformed) expect(await send(event, payload)).toMatchObject({ ok: false, code: 'INVALID' });
		// No acknowledgement function at all: nothing to answer, nothing breaks.
		raw.emit('meeting:hand', { meetingId, raised: 'nope' });
		expect(bad.socket.connected).toBe(true);

		// Over the transport limit (64 KiB): Socket.IO drops that connection only.
		const disconnected = new Promise<string>((resolve) => bad.socket.once('disconnect', (reason) => resolve(reason)));
		raw.emit('meeting:current', { meetingId, itemId: 'y'.repeat(200_000) });
		expect(await disconnected).toBe('transport close');

		// Everyone else is still served.
		const mod = await participant('moderator');
		const ack = await mod.socket.emitWithAck('meeting:current', { meetingId, itemId: 'item-3' });
		expect(ack).toMatchObject({ ok: true });
		await eventually(() => watcher.seen.state?.currentItemId === 'item-3', 3000, 'broadcast after abuse');
	});

	it('serialises concurrent changes to one meeting: one hand per person, one version per change', async () => {
		const mod = await participant('moderator');
		const member = await participant('member');
		const executor = await participant('executor');
		await mod.socket.emitWithAck('meeting:queue', { meetingId, action: 'end' });
		await executor.socket.emitWithAck('meeting:hand', { meetingId, raised: false });
		const acks = await Promise.all([
			...Array.from({ length: 5 }, () => member.socket.emitWithAck('meeting:hand', { meetingId, raised: true })),
			...Array.from({ length: 5 }, () => executor.socket.emitWithAck('meeting:hand', { meetingId, raised: true })),
			...Array.from({ length: 3 }, () => mod.socket.emitWithAck('meeting:checkin', { meetingId }))
		]);
		const versions = acks.map((a) => (a.ok ? a.version : -1));
		expect(versions).not.toContain(-1);
		expect(new Set(versions).size).toBe(versions.length);
		const joined = await mod.socket.emitWithAck('meeting:join', { meetingId });
		if (!joined.ok) throw new Error(joined.code);
		expect(joined.state.queue.map((t) => t.side).sort()).toEqual(['ENTREPRENEUR', 'EXECUTOR']);
		expect(joined.state.version).toBe(Math.max(...versions));
		// The first to ask is called first; the next call gives the floor to the other.
		expect(await mod.socket.emitWithAck('meeting:queue', { meetingId, action: 'next' })).toMatchObject({ ok: true });
	});

	it('keeps the whole meeting through a hard restart; reconnecting clients re-join and get it back', async () => {
		const mod = await participant('moderator');
		await mod.socket.emitWithAck('meeting:join', { meetingId });
		await mod.socket.emitWithAck('meeting:timer', { meetingId, action: 'start', itemId: 'item-3', durationSec: 300 });
		const joined = await mod.socket.emitWithAck('meeting:join', { meetingId });
		if (!joined.ok) throw new Error(joined.code);
		const before = joined.state;

		// A browser-like client: reconnects by itself and re-joins on every connect.
		const client = io(server.url, {
			transports: ['websocket'],
			extraHeaders: { cookie: cookies.member },
			reconnectionDelay: 100,
			reconnectionDelayMax: 500,
			forceNew: true
		});
		let latest: MeetingSnapshot | null = null;
		let connects = 0;
		client.on('connect', () => {
			connects++;
			client
				.emitWithAck('meeting:join', { meetingId })
				.then((r) => {
					if (r.ok) latest = r.state;
				})
				// A join in flight when the server dies is simply retried on the next connect.
				.catch(() => {});
		});
		await eventually(() => latest !== null, 5000, 'first join');

		await server.restart(true); // SIGKILL: no shutdown hooks, no flushing
		await eventually(() => connects >= 2 && latest !== null && latest.serverNow > before.serverNow, 20_000, 'reconnect and re-join');
		client.close();
		const after = latest!;
		expect(after.version).toBe(before.version);
		expect(after.meeting.status).toBe('LIVE');
		expect(after.currentItemId).toBe(before.currentItemId);
		expect(after.queue).toEqual(before.queue);
		expect(after.speaker).toEqual(before.speaker);
		expect(after.attendance).toEqual(before.attendance);
		expect(after.timer).toEqual(before.timer);
		// The timer kept running while the server was down: computed from the same start.
		const elapsed = Date.parse(after.serverNow) - Date.parse(before.serverNow);
		expect(timerRemainingMs(after.timer!, Date.parse(after.serverNow))).toBeCloseTo(
			timerRemainingMs(before.timer!, Date.parse(before.serverNow)) - elapsed,
			-2
		);

		// And the restarted server takes new actions.
		const mod2 = await participant('moderator');
		expect(await mod2.socket.emitWithAck('meeting:timer', { meetingId, action: 'pause' })).toMatchObject({ ok: true });
		expect(await mod2.socket.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
	});
});

// Socket.IO: the session cookie authenticates the connection; joining a group is authorised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, type TestSocket } from '../support/clients';
import { createStranger, demoGroups, openTestDb } from '../support/db';
import type { PresenceEntry } from '../../shared/events';

let server: TestServer;
let groupId: string;
const sockets: TestSocket[] = [];
const cookies: Record<string, string> = {};

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	const stranger = await createStranger(database);
	await database.close();
	for (const who of ['moderator', 'member']) cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await server?.dispose();
});

const connect = async (who?: string) => {
	const s = await connectSocket(server.url, who ? cookies[who] : undefined);
	sockets.push(s);
	return s;
};

describe('Socket.IO authentication and rooms', () => {
	it('refuses a connection without a session', async () => {
		await expect(connectSocket(server.url)).rejects.toThrow('UNAUTHENTICATED');
	});

	it('refuses a connection with a forged session cookie', async () => {
		await expect(connectSocket(server.url, 'better-auth.session_token=forged.value')).rejects.toThrow('UNAUTHENTICATED');
	});

	it('lets members join their group and shows who is present', async () => {
		const moderator = await connect('moderator');
		const member = await connect('member');
		let present: PresenceEntry[] = [];
		moderator.on('group:presence', (p) => (present = p.present));
		expect(await moderator.emitWithAck('group:join', { groupId })).toMatchObject({ ok: true, role: 'MODERATOR', canEdit: true });
		expect(await member.emitWithAck('group:join', { groupId })).toMatchObject({ ok: true, role: 'MEMBER' });
		await eventually(() => present.length === 2, 3000, 'presence of two');
		expect(present.map((p) => p.side).sort()).toEqual(['ENTREPRENEUR', 'EXPERT']);
	});

	it('refuses a non-member joining a group, without saying whether it exists', async () => {
		const stranger = await connect('stranger');
		expect(await stranger.emitWithAck('group:join', { groupId })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'group not found' });
		expect(await stranger.emitWithAck('group:join', { groupId: 'does-not-exist' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
	});

	it('answers a malformed payload with INVALID and keeps the connection', async () => {
		const member = await connect('member');
		expect(await member.emitWithAck('group:join', { groupId: 42 } as never)).toMatchObject({ ok: false, code: 'INVALID' });
		expect(await member.emitWithAck('group:join', { groupId })).toMatchObject({ ok: true });
		expect(member.connected).toBe(true);
	});
});

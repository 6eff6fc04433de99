// A proposal's discussion over the real server: comments, answers, edits and hidings are
// form actions (with and without JavaScript), and whoever has the proposal's page open hears
// of each at once over Socket.IO; a mention reaches the mentioned member's bell. Runs on
// PostgreSQL too (TEST_DATABASE=postgres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, type TestSocket } from '../support/clients';
import { createStranger, openTestDb } from '../support/db';
import { actorFor } from '../support/meeting-fixture';
import { fileProposal } from '../../server/domain/proposals/proposals';
import type { NotificationView } from '../../shared/action-items';

let server: TestServer;
let proposalId: string;
let otherId: string;
const names: Record<string, string> = {};
const cookies: Record<string, string> = {};
const sockets: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	const db = database.db;
	const groupId = (await db.group.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
	proposalId = (
		await fileProposal(db, await actorFor(db, 'member'), groupId, { title: 'Tool library', problem: '', idea: '', submit: true })
	).id;
	otherId = (await fileProposal(db, await actorFor(db, 'member'), groupId, { title: 'Seed swap', problem: '', idea: '', submit: true })).id;
	for (const who of ['member', 'executor', 'observer', 'moderator'])
		names[who] = (await db.user.findUniqueOrThrow({ where: { email: `${who}@rahkar.example` } })).name;
	const stranger = await createStranger(database);
	await database.close();
	for (const who of ['member', 'executor', 'observer', 'moderator'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await server?.dispose();
});

/** A tab with the proposal's page open: it follows the discussion and keeps what it hears. */
async function tab(who: string) {
	const socket = await connectSocket(server.url, cookies[who]);
	sockets.push(socket);
	const heard = { changed: [] as string[], notifications: [] as NotificationView[] };
	socket.on('discussion:changed', (p) => heard.changed.push(p.commentId));
	socket.on('notification:new', (p) => heard.notifications.push(p.notification));
	return { socket, heard, watch: () => socket.emitWithAck('discussion:watch', { proposalId }) };
}

/** Posts a form action the way use:enhance does; its JSON answer. */
async function enhanced(who: string, action: string, fields: Record<string, string>) {
	const res = await fetch(`${server.url}/proposals/${proposalId}?/${action}`, {
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
	return (await res.json()) as { type: string; status?: number; data?: string };
}

const page = async (who: string) => (await fetch(`${server.url}/proposals/${proposalId}`, { headers: { cookie: cookies[who] } })).text();

describe('the discussion, live', () => {
	let commentId = '';

	it('a member mentions the executor: the executor is notified and every open page hears of it', async () => {
		const executor = await tab('executor');
		const observer = await tab('observer');
		expect(await executor.watch()).toEqual({ ok: true });
		expect(await observer.watch()).toEqual({ ok: true });
		const stranger = await tab('stranger');
		expect(await stranger.watch()).toMatchObject({ ok: false, code: 'NOT_FOUND' });

		const answer = await enhanced('member', 'comment', { body: `@${names.executor} can the executor run this?\nهفته‌ی بعد شروع کنیم؟` });
		expect(answer.type).toBe('success');
		const row = await openTestDb(server).then(async (d) => {
			const c = await d.db.comment.findFirstOrThrow({ where: { proposalId }, include: { mentions: true } });
			await d.close();
			return c;
		});
		commentId = row.id;
		expect(row.mentions.map((m) => m.userId)).toHaveLength(1);

		await eventually(
			() => executor.heard.changed.includes(commentId) && observer.heard.changed.includes(commentId),
			5000,
			'discussion:changed'
		);
		await eventually(() => executor.heard.notifications.some((n) => n.kind === 'MENTIONED'), 5000, 'mention notification');
		const note = executor.heard.notifications.find((n) => n.kind === 'MENTIONED')!;
		expect(note).toMatchObject({
			kind: 'MENTIONED',
			byName: names.member,
			comment: { id: commentId, proposalId, proposalTitle: 'Tool library' }
		});
		expect(observer.heard.notifications).toEqual([]);
		expect(stranger.heard.changed).toEqual([]);

		// The notifications page links to the comment on the proposal's page.
		const list = await (await fetch(`${server.url}/notifications`, { headers: { cookie: cookies.executor } })).text();
		expect(list).toContain(`/proposals/${proposalId}#comment-${commentId}`);
	});

	it('the executor answers without JavaScript; the member, watching, hears it; the page shows each paragraph with dir="auto"', async () => {
		const member = await tab('member');
		expect(await member.watch()).toEqual({ ok: true });
		const res = await fetch(`${server.url}/proposals/${proposalId}?/comment`, {
			method: 'POST',
			headers: { cookie: cookies.executor, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ body: `Yes, from next week.\nLike ${server.url}/proposals/${otherId}`, parentId: commentId }),
			redirect: 'manual'
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Yes, from next week.');
		await eventually(() => member.heard.changed.length === 1, 5000, 'answer heard');

		const html = await page('member');
		// Each line its own paragraph with its own direction; the mention stands out.
		const paragraph = (inner: string) => new RegExp(`<p dir="auto"[^>]*>(?:<!--[^>]*-->)*${inner}`);
		expect(html).toMatch(paragraph('<bdi class="mention[^"]*">@'));
		expect(html).toMatch(paragraph('هفته‌ی بعد شروع کنیم؟'));
		expect(html).toMatch(paragraph('Yes, from next week.'));
		// The link to the other proposal is a card with its title.
		expect(html).toMatch(
			new RegExp(
				`<a href="[./]*proposals/${otherId}"[^>]*>(?:<!--[^>]*-->)*<span class="kind[^"]*">Proposal</span> <bdi class="title[^"]*">Seed swap</bdi>`
			)
		);
		expect(html).toContain(`id="answer-${commentId}"`);
	});

	it('refuses an observer (403) and another person’s edit (403); the author’s edit and a moderator’s hiding reach the watchers', async () => {
		const watcher = await tab('observer');
		expect(await watcher.watch()).toEqual({ ok: true });
		expect(await enhanced('observer', 'comment', { body: 'may I?' })).toMatchObject({ type: 'failure', status: 403 });
		expect(await enhanced('executor', 'editComment', { commentId, body: 'not mine' })).toMatchObject({ type: 'failure', status: 403 });
		expect(await enhanced('member', 'editComment', { commentId, body: 'Can the executor run this?' })).toMatchObject({ type: 'success' });
		expect(await enhanced('member', 'hideComment', { commentId, reason: 'no' })).toMatchObject({ type: 'failure', status: 403 });
		expect(await enhanced('moderator', 'hideComment', { commentId, reason: '' })).toMatchObject({ type: 'failure', status: 400 });
		expect(await enhanced('moderator', 'hideComment', { commentId, reason: 'Off topic' })).toMatchObject({ type: 'success' });
		await eventually(() => watcher.heard.changed.filter((id) => id === commentId).length === 2, 5000, 'edit and hiding heard');
		const html = await page('observer');
		expect(html).toContain('Hidden by a moderator: Off topic');
		expect(html).not.toContain('Can the executor run this?');
	});
});

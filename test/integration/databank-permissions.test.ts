// Every permission boundary of the databank and of group membership, through HTTP against
// the real server: administrator, moderator, member, executor, observer, a signed-in user
// with no seat (stranger), and no session at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { createStranger, demoGroups, openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';

type Who = 'admin' | 'moderator' | 'member' | 'executor' | 'observer' | 'stranger' | 'anonymous';
const WHO: Who[] = ['admin', 'moderator', 'member', 'executor', 'observer', 'stranger', 'anonymous'];

let server: TestServer;
let database: Database;
const cookies: Partial<Record<Who, string>> = {};
let group: { id: string };
let otherGroup: { id: string };
const people: Record<string, { id: string; email: string | null }> = {};

const headers = (who: Who, extra: Record<string, string> = {}) => ({
	origin: server.url,
	accept: 'text/html',
	...(cookies[who] ? { cookie: cookies[who] } : {}),
	...extra
});
const get = (who: Who, path: string) => fetch(`${server.url}${path}`, { headers: headers(who), redirect: 'manual' });
const post = (who: Who, path: string, form: Record<string, string | string[]>) => {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: headers(who, { 'content-type': 'application/x-www-form-urlencoded' }),
		body,
		redirect: 'manual'
	});
};
const statusOf = async (res: Response) => {
	await res.arrayBuffer();
	return res.status;
};
/** The status each kind of user gets; unauthenticated requests go to the sign-in page (303). */
async function statuses(request: (who: Who) => Promise<Response>, who: Who[] = WHO): Promise<Partial<Record<Who, number>>> {
	const out: Partial<Record<Who, number>> = {};
	for (const w of who) out[w] = await statusOf(await request(w));
	return out;
}

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	[group, otherGroup] = await demoGroups(database);
	const stranger = await createStranger(database);
	for (const who of ['admin', 'moderator', 'member', 'executor', 'observer'] as const)
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
	const byName = async (name: string) =>
		database.db.person.findFirstOrThrow({ where: { name }, select: { id: true, email: true, consent: true } });
	people.consenting = await byName('پریسا رستمی');
	people.shy = await byName('حسین موسوی'); // seeded without consent
	people.investor = await byName('کامران ملکی');
	people.unseated = await byName('امید رحمانی');
	expect((await byName('حسین موسوی')).consent).toBe(false);
});

afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

describe('the databank list and profiles', () => {
	it('is for people with a seat; strangers get 404 and visitors the sign-in page', async () => {
		expect(await statuses((w) => get(w, '/people'))).toEqual({
			admin: 200,
			moderator: 200,
			member: 200,
			executor: 200,
			observer: 200,
			stranger: 404,
			anonymous: 303
		});
	});

	it('shows contact details to administrators and moderators only', async () => {
		for (const who of ['admin', 'moderator'] as const) {
			const html = await (await get(who, `/people?q=${encodeURIComponent('پریسا')}`)).text();
			expect(html).toContain(people.consenting.email);
		}
		for (const who of ['member', 'executor', 'observer'] as const) {
			const html = await (await get(who, `/people?q=${encodeURIComponent('پریسا')}`)).text();
			expect(html).toContain('پریسا رستمی');
			expect(html).not.toContain('@rahkar.example');
			const all = await (await get(who, '/people?pageSize=100')).text();
			expect(all).not.toContain('@rahkar.example');
			expect(all).not.toContain('حسین موسوی'); // did not consent
		}
	});

	it('does not let members search by contact details', async () => {
		const phone = (await database.db.person.findUniqueOrThrow({ where: { id: people.consenting.id } })).phone!;
		const asModerator = await (await get('moderator', `/people?q=${phone}`)).text();
		const asMember = await (await get('member', `/people?q=${phone}`)).text();
		expect(asModerator).toContain('پریسا رستمی');
		expect(asMember).not.toContain('پریسا رستمی');
	});

	it('opens a profile of someone who did not consent only for administrators and moderators', async () => {
		expect(await statuses((w) => get(w, `/people/${people.shy.id}`))).toEqual({
			admin: 200,
			moderator: 200,
			member: 404,
			executor: 404,
			observer: 404,
			stranger: 404,
			anonymous: 303
		});
		const asMember = await (await get('member', `/people/${people.consenting.id}`)).text();
		expect(asMember).toContain('پریسا رستمی');
		expect(asMember).not.toContain(people.consenting.email);
	});

	it('shows the People link only to those who may open it', async () => {
		const link = /<a href="[^"]*\/people"/;
		expect(await (await get('member', '/dashboard')).text()).toMatch(link);
		expect(await (await get('stranger', '/dashboard')).text()).not.toMatch(link);
	});
});

describe('managing people', () => {
	it('lets only administrators add a person; a bad form comes back with field errors', async () => {
		const form = { name: 'نفر تازه', email: 'new.person@example.org', roles: ['EXPERT'] };
		expect(await statuses((w) => post(w, '/people/new', form), ['moderator', 'member', 'observer', 'stranger'])).toEqual({
			moderator: 403,
			member: 403,
			observer: 403,
			stranger: 404
		});
		const ok = await post('admin', '/people/new', form);
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toMatch(/^\/people\/c[a-z0-9]+$/);
		const again = await post('admin', '/people/new', form);
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('aria-invalid="true"');
	});

	it('lets only administrators archive, merge and edit', async () => {
		const path = `/people/${people.unseated.id}`;
		expect(await statuses((w) => post(w, `${path}?/archive`, {}), ['moderator', 'member', 'stranger'])).toEqual({
			moderator: 403,
			member: 403,
			stranger: 404
		});
		expect(await statuses((w) => get(w, `${path}/edit`), ['moderator', 'member'])).toEqual({ moderator: 403, member: 403 });
		expect(await statusOf(await post('admin', `${path}?/archive`, {}))).toBe(200);
		expect((await database.db.person.findUniqueOrThrow({ where: { id: people.unseated.id } })).archivedAt).not.toBeNull();
		expect(await statusOf(await post('admin', `${path}?/restore`, {}))).toBe(200);
	});

	it('exports CSV for administrators only, with a byte-order mark and contacts', async () => {
		expect(await statuses((w) => get(w, '/people/export'), ['moderator', 'member', 'stranger', 'anonymous'])).toEqual({
			moderator: 403,
			member: 403,
			stranger: 404,
			anonymous: 303
		});
		const res = await get('admin', '/people/export');
		expect(res.headers.get('content-type')).toMatch(/text\/csv/);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // fetch's text() would strip it
		const text = new TextDecoder().decode(bytes);
		expect(text).toContain(people.consenting.email);
	});

	it('imports CSV for administrators only: a dry run writes nothing, the import writes all', async () => {
		const csv = 'name,email,sectors,roles\nفرد وارداتی,imported@example.org,صنایع دستی,IDEA_OWNER\n';
		const upload = (who: Who, action: string) => {
			const body = new FormData();
			body.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
			return fetch(`${server.url}/people/import?/${action}`, { method: 'POST', headers: headers(who), body, redirect: 'manual' });
		};
		expect(await statuses((w) => upload(w, 'check'), ['moderator', 'member', 'stranger'])).toEqual({
			moderator: 403,
			member: 403,
			stranger: 404
		});
		expect(await statusOf(await upload('admin', 'check'))).toBe(200);
		expect(await database.db.person.count({ where: { email: 'imported@example.org' } })).toBe(0);
		expect(await statusOf(await upload('admin', 'import'))).toBe(200);
		expect(await database.db.person.count({ where: { email: 'imported@example.org' } })).toBe(1);
		const dup = await upload('admin', 'import');
		expect(dup.status).toBe(400);
		expect(await database.db.person.count({ where: { email: 'imported@example.org' } })).toBe(1);
	});

	it('keeps the managed lists to administrators', async () => {
		expect(await statuses((w) => get(w, '/admin/districts'), ['admin', 'moderator', 'member', 'stranger'])).toEqual({
			admin: 200,
			moderator: 403,
			member: 403,
			stranger: 403
		});
		expect(
			await statuses((w) => post(w, '/admin/classification?/add', { kind: 'SKILL', name: 'سفالگری' }), ['moderator', 'member', 'stranger'])
		).toEqual({
			moderator: 403,
			member: 403,
			stranger: 404
		});
		expect(await statusOf(await post('admin', '/admin/districts?/add', { name: 'منطقه ۲۲', number: '22' }))).toBe(200);
		expect(await database.db.district.count({ where: { number: 22 } })).toBe(1);
	});
});

describe('linking', () => {
	it('lets administrators and moderators introduce, and no one else', async () => {
		const path = `/people/${people.consenting.id}?/introduce`;
		const form = { toPersonId: people.investor.id };
		expect(await statuses((w) => post(w, path, form), ['member', 'executor', 'observer', 'stranger'])).toEqual({
			member: 403,
			executor: 403,
			observer: 403,
			stranger: 404
		});
		expect(await statusOf(await post('moderator', path, form))).toBe(200);
		const intro = await database.db.introduction.findFirstOrThrow({
			where: { personId: people.consenting.id, toPersonId: people.investor.id },
			include: { events: true }
		});
		expect(intro.status).toBe('PROPOSED');
		expect(intro.events).toHaveLength(1);
		// The introduction shows on both profiles.
		expect(await (await get('admin', `/people/${people.investor.id}`)).text()).toContain('پریسا رستمی');
		expect(
			await statusOf(await post('member', `/people/${people.consenting.id}?/status`, { introductionId: intro.id, status: 'ACCEPTED' }))
		).toBe(403);
		expect(
			await statusOf(await post('admin', `/people/${people.consenting.id}?/status`, { introductionId: intro.id, status: 'ACCEPTED' }))
		).toBe(200);
	});

	it('shows suggestions to those who link, and the idea matcher to them only', async () => {
		const profile = await (await get('moderator', `/people/${people.consenting.id}`)).text();
		expect(profile).toContain('کامران ملکی');
		expect(await statuses((w) => get(w, '/people/match'), ['admin', 'moderator', 'member', 'stranger'])).toEqual({
			admin: 200,
			moderator: 200,
			member: 403,
			stranger: 404
		});
	});
});

describe('groups and seats', () => {
	it('lets only administrators create and edit groups', async () => {
		const form = { name: 'کارگروه آزمون', subject: 'پوشاک', cadenceDays: '15' };
		expect(await statuses((w) => post(w, '/groups/new', form), ['moderator', 'member', 'stranger'])).toEqual({
			moderator: 403,
			member: 403,
			stranger: 403
		});
		const res = await post('admin', '/groups/new', form);
		expect(res.status).toBe(303);
		expect(await statuses((w) => get(w, `/groups/${group.id}/edit`), ['admin', 'moderator', 'member'])).toEqual({
			admin: 200,
			moderator: 403,
			member: 403
		});
	});

	it('lets the moderator change seats of members but not appoint moderators; members, observers and strangers change nothing', async () => {
		const memberPerson = (await database.db.user.findUniqueOrThrow({ where: { email: 'member@rahkar.example' } })).personId!;
		const toExecutor = { personId: memberPerson, side: 'ENTREPRENEUR', role: 'EXECUTOR' };
		expect(
			await statuses((w) => post(w, `/groups/${group.id}?/changeSeat`, toExecutor), ['member', 'executor', 'observer', 'stranger'])
		).toEqual({
			member: 403,
			executor: 403,
			observer: 403,
			stranger: 404
		});
		expect(await statusOf(await post('moderator', `/groups/${group.id}?/changeSeat`, toExecutor))).toBe(200);
		expect(await statusOf(await post('moderator', `/groups/${group.id}?/changeSeat`, { ...toExecutor, role: 'MODERATOR' }))).toBe(403);
		expect(await statusOf(await post('admin', `/groups/${group.id}?/changeSeat`, { ...toExecutor, role: 'MODERATOR' }))).toBe(200);
		expect((await database.db.membership.findFirstOrThrow({ where: { groupId: group.id, personId: memberPerson } })).role).toBe(
			'MODERATOR'
		);
		// Only an administrator takes the moderator's seat away again.
		expect(await statusOf(await post('moderator', `/groups/${group.id}?/changeSeat`, { ...toExecutor, role: 'MEMBER' }))).toBe(403);
		expect(await statusOf(await post('admin', `/groups/${group.id}?/changeSeat`, { ...toExecutor, role: 'MEMBER' }))).toBe(200);
	});

	it('lets moderators find members for a side and seat them; others may not', async () => {
		const path = `/groups/${otherGroup.id}/seats?side=MEDIA`;
		expect(await statuses((w) => get(w, path), ['admin', 'moderator', 'member', 'stranger'])).toEqual({
			admin: 200,
			moderator: 200,
			member: 404,
			stranger: 404
		});
		const seat = { personId: people.unseated.id, side: 'MEDIA', role: 'MEMBER' };
		expect(await statuses((w) => post(w, `/groups/${otherGroup.id}/seats?/seat`, seat), ['member', 'observer', 'stranger'])).toEqual({
			member: 404,
			observer: 404,
			stranger: 404
		});
		const res = await post('moderator', `/groups/${otherGroup.id}/seats?/seat`, seat);
		expect(res.status).toBe(303);
		const page = await (await get('moderator', `/groups/${otherGroup.id}`)).text();
		expect(page).toContain('امید رحمانی');
		// The member of the first group sits in no seat of this one: NOT_FOUND, not FORBIDDEN.
		expect(await statusOf(await get('member', `/groups/${otherGroup.id}`))).toBe(404);
	});

	it('tells the moderator where a side is empty and links to the databank', async () => {
		const { id } = await database.db.group.create({
			data: { organisationId: (await database.db.organisation.findFirstOrThrow()).id, name: 'خالی' }
		});
		const moderatorPerson = (await database.db.user.findUniqueOrThrow({ where: { email: 'moderator@rahkar.example' } })).personId!;
		await database.db.membership.create({ data: { groupId: id, personId: moderatorPerson, side: 'EXPERT', role: 'MODERATOR' } });
		const html = await (await get('moderator', `/groups/${id}`)).text();
		expect(html).toContain(`/groups/${id}/seats?side=MEDIA`);
		expect(html).not.toContain(`/groups/${id}/seats?side=EXPERT`);
	});
});

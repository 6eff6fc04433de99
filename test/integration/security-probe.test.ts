// What an outside probe found (issue 13), each tried again through HTTP against the real
// server, as a browser or an attacker would send it.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { createStranger, demoGroups, openTestDb } from '../support/db';
import { FIXED_CANONICAL, FIXED_SHA256 } from '../support/minutes-record';
import type { Database } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { createAuth } from '../../server/auth/auth';
import { loadConfig } from '../../server/config';
import { createUser } from '../../server/domain/users';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { reindexProposals } from '../../server/domain/search/reindex';
import { ACCOUNT_RULE, accountKey, reserveAttempt } from '../../server/domain/sign-in-throttle';

let server: TestServer;
let database: Database;
let groupId: string;
const cookies: Record<string, string> = {};

const actorOf = async (email: string): Promise<Actor> => {
	const u = await database.db.user.findUniqueOrThrow({ where: { email } });
	return { userId: u.id, organisationId: u.organisationId, personId: u.personId, isAdmin: u.isAdmin };
};
const get = (path: string, cookie?: string, base = server.url) =>
	fetch(`${base}${path}`, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), 'accept-language': 'en' } });
/** A form posted as a browser without JavaScript posts it. */
const postForm = (path: string, form: Record<string, string>, cookie?: string, base = server.url) =>
	fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(form)
	});
/** A form posted as SvelteKit's use:enhance posts it (multipart FormData, JSON answer). */
const postEnhanced = (base: string, path: string, form: Record<string, string>, cookie?: string) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(form)) body.set(k, v);
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'application/json', 'x-sveltekit-action': 'true', ...(cookie ? { cookie } : {}) },
		body
	});
};
/** Where a redirect answer sends the browser, resolved as a browser resolves it. */
const target = (res: Response) => new URL(res.headers.get('location') ?? '', server.url);

async function otherOrganisationAdmin(): Promise<{ email: string; password: string }> {
	const org = await database.db.organisation.create({ data: { name: 'Another city' } });
	const auth = createAuth({ db: database.db, config: loadConfig({ DATABASE_URL: 'file:unused.db' }), secret: 'fixture-only' });
	const account = { email: 'admin@other.example', password: 'other-admin-1' };
	await createUser({ db: database.db, auth }, { organisationId: org.id, name: 'Other admin', isAdmin: true, ...account });
	return account;
}

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	for (const who of ['moderator', 'member', 'executor', 'admin'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	const stranger = await createStranger(database);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
	const other = await otherOrganisationAdmin();
	cookies.otherAdmin = await signIn(server.url, other.email, other.password);
});

afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

describe('sign-in throttling holds against parallel attempts (defect 1)', () => {
	// Both databases, whichever the suite runs on; on PostgreSQL across two nodes.
	for (const provider of ['sqlite', 'postgresql'] as const) {
		describe(provider, () => {
			const nodes: TestServer[] = [];
			let handle: Database;
			const db = () => handle.db;
			const email = 'throttled@rahkar.example';
			const password = 'right-password-1';

			beforeAll(async () => {
				const first = provider === server.provider ? server : await startServer({ postgres: provider === 'postgresql' });
				nodes.push(first);
				if (provider === 'postgresql') nodes.push(await startServer({ databaseUrl: first.databaseUrl }));
				handle = first === server ? database : await openTestDb(first);
				await createStranger(handle, email, password);
			}, 300_000);
			afterAll(async () => {
				if (handle && handle !== database) await handle.close();
				for (const node of nodes) if (node !== server) await node.dispose();
			});

			it('30 parallel wrong passwords: at most 5 verified, then even the right one is refused', async () => {
				const answers = await Promise.all(
					Array.from({ length: 30 }, (_, i) =>
						postEnhanced(nodes[i % nodes.length].url, '/login', { email, password: `wrong-${i}` }).then(
							(r) => r.json() as Promise<{ type: string; status: number }>
						)
					)
				);
				// A refused attempt answers 429 before any password check; only a verified one says 400.
				const verified = answers.filter((a) => a.status === 400).length;
				expect(answers.every((a) => a.type === 'failure' && (a.status === 400 || a.status === 429))).toBe(true);
				expect(verified).toBeLessThanOrEqual(ACCOUNT_RULE.failures);
				expect(verified).toBeGreaterThan(0);
				// The throttle's own count of verified attempts agrees.
				const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: accountKey(email) } });
				expect(row.failures).toBe(verified);
				expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

				const right = await (await postEnhanced(nodes[0].url, '/login', { email, password })).json();
				expect(right).toMatchObject({ type: 'failure', status: 429 });
			});

			it('reserves atomically in the database; a new window starts after the lock', async () => {
				const key = 'account:window@rahkar.example';
				const t0 = new Date('2026-11-26T10:00:00Z');
				const results = await Promise.all(Array.from({ length: 12 }, () => reserveAttempt(db(), key, ACCOUNT_RULE, t0)));
				expect(results.filter((r) => r.ok)).toHaveLength(ACCOUNT_RULE.failures);
				const refused = results.find((r) => !r.ok);
				expect(refused && !refused.ok && refused.waitMs).toBe(ACCOUNT_RULE.windowMs);
				const after = new Date(t0.getTime() + ACCOUNT_RULE.windowMs + 1);
				expect(await reserveAttempt(db(), key, ACCOUNT_RULE, after)).toEqual({ ok: true });
				expect((await db().signInThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(1);
			});
		});
	}

	it('a success clears the account and gives the address its attempt back', async () => {
		await createStranger(database, 'clears@rahkar.example', 'right-password-2');
		for (let i = 0; i < 3; i++) await postEnhanced(server.url, '/login', { email: 'clears@rahkar.example', password: 'nope' });
		const address = await database.db.signInThrottle.findFirstOrThrow({ where: { key: { startsWith: 'address:' } } });
		const res = await postEnhanced(server.url, '/login', { email: 'clears@rahkar.example', password: 'right-password-2' });
		expect(await res.json()).toMatchObject({ type: 'redirect' });
		expect(await database.db.signInThrottle.findUnique({ where: { key: accountKey('clears@rahkar.example') } })).toBeNull();
		const addressAfter = await database.db.signInThrottle.findUniqueOrThrow({ where: { key: address.key } });
		expect(addressAfter.failures).toBeLessThanOrEqual(address.failures);
	});
});

describe('redirects only ever lead to this origin (defect 2)', () => {
	const ODD = [
		'/\t/evil.example',
		'/\\evil.example',
		'//evil.example',
		'/\r\n/evil.example',
		'/\n/evil.example',
		'/..//evil.example',
		'https://evil.example',
		'/گروه?q=بازار',
		'/x\r\nSet-Cookie: a=b'
	];
	const ours = (res: Response) => {
		expect(res.status).toBe(303);
		expect(target(res).origin).toBe(new URL(server.url).origin);
	};

	it('/login?next= for a signed-in user', async () => {
		for (const next of ODD) ours(await get(`/login?${new URLSearchParams({ next })}`, cookies.member));
		expect(target(await get(`/login?${new URLSearchParams({ next: '/\t/evil.example' })}`, cookies.member)).pathname).toBe('/dashboard');
	});

	it('the sign-in POST', async () => {
		for (const next of ODD)
			ours(await postForm(`/login?${new URLSearchParams({ next })}`, { email: 'member@rahkar.example', password: DEMO_PASSWORD }));
		const res = await postForm(`/login?${new URLSearchParams({ next: '/groups?x=1' })}`, {
			email: 'member@rahkar.example',
			password: DEMO_PASSWORD
		});
		expect(res.headers.get('location')).toBe('/groups?x=1');
	});

	it("the /locale form's next", async () => {
		for (const next of ODD) ours(await postForm('/locale', { locale: 'en', next }, cookies.member));
		const encoded = await postForm('/locale', { locale: 'en', next: '/گروه' });
		expect(encoded.headers.get('location')).toBe('/%DA%AF%D8%B1%D9%88%D9%87');
	});

	it("the action-item forms' next", async () => {
		const executor = await database.db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } });
		for (const next of ['/\\evil.example', '/\t/evil.example', '/\r/evil.example']) {
			const res = await postForm(
				`/groups/${groupId}/actions?/create`,
				{ title: 'Book the hall', ownerPersonId: executor.personId!, dueDate: '2099-12-10', next },
				cookies.moderator
			);
			ours(res);
			expect(target(res).pathname).toBe('/dashboard');
		}
	});
});

describe('search applies the proposal page rule to drafts (defect 4)', () => {
	it("another member finds neither the title nor the text of a member's draft", async () => {
		const member = await actorOf('member@rahkar.example');
		const draft = await fileProposal(database.db, member, groupId, {
			title: 'Hidden zanjabil draft',
			problem: 'secret zanjabil problem',
			idea: 'x'
		});
		const filed = await fileProposal(database.db, member, groupId, {
			title: 'Filed zanjabil plan',
			problem: 'open',
			idea: 'y',
			submit: true
		});
		await reindexProposals(database);
		const searchAs = async (who: string) => (await get(`/search?q=zanjabil`, cookies[who])).text();

		const other = await searchAs('executor');
		expect(other).toContain('Filed zanjabil plan');
		expect(other).not.toContain('Hidden zanjabil draft');
		expect(other).not.toContain(draft.id);
		expect(other).not.toContain('secret');
		expect((await get(`/proposals/${draft.id}`, cookies.executor)).status).toBe(404);
		// Its author and the group's moderator see it, as on the proposal page.
		expect(await searchAs('member')).toContain('Hidden zanjabil draft');
		expect(await searchAs('moderator')).toContain('Hidden zanjabil draft');
		expect((await get(`/proposals/${draft.id}`, cookies.moderator)).status).toBe(200);
		expect((await get(`/proposals/${filed.id}`, cookies.executor)).status).toBe(200);
	});
});

describe('the public page is never kept by a shared cache for a signed-in user (defect 5)', () => {
	it('private, no-store when signed in; public and varying on Cookie when anonymous', async () => {
		await database.db.group.update({ where: { id: groupId }, data: { publishOutcomes: true } });
		const signedIn = await get(`/public/groups/${groupId}`, cookies.member);
		expect(signedIn.status).toBe(200);
		expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
		const anonymous = await get(`/public/groups/${groupId}`);
		expect(anonymous.status).toBe(200);
		expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60');
		expect(anonymous.headers.get('vary')).toMatch(/\bcookie\b/i);
	});
});

describe('minutes: the stable link checks access, and the stored hash is the known sha256 (defects 6, 11)', () => {
	let minutesId: string;
	let meetingId: string;

	beforeAll(async () => {
		const meeting = await database.db.meeting.create({
			data: { groupId, startsAt: new Date(Date.now() - 3 * 60 * 60_000), status: 'CLOSED' }
		});
		meetingId = meeting.id;
		// A draft holding the fixed record in the canonical form written out in the fixture.
		minutesId = (await database.db.minutes.create({ data: { meetingId, groupId, version: 1, content: FIXED_CANONICAL } })).id;
	});

	it('/minutes/<id> redirects readers of the group only; others get 404', async () => {
		const reader = await get(`/minutes/${minutesId}`, cookies.executor);
		expect(reader.status).toBe(303);
		expect(reader.headers.get('location')).toBe(`/meetings/${meetingId}/minutes?version=1`);
		expect((await get(`/minutes/${minutesId}`, cookies.admin)).status).toBe(303);
		for (const who of ['stranger', 'otherAdmin']) {
			const res = await get(`/minutes/${minutesId}`, cookies[who]);
			expect(res.status).toBe(404);
			expect(await res.text()).not.toContain(meetingId);
		}
		expect((await get(`/minutes/nonexistent`, cookies.otherAdmin)).status).toBe(404);
		expect(target(await get(`/minutes/${minutesId}`)).pathname).toBe('/login');
	});

	it('archiving stores the sha256 computed outside the app; a changed attendance no longer verifies', async () => {
		const res = await postEnhanced(server.url, `/meetings/${meetingId}/minutes?/archive`, { minutesId }, cookies.moderator);
		expect(res.status).toBe(200);
		const row = await database.db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
		expect(row.status).toBe('ARCHIVED');
		expect(row.content).toBe(FIXED_CANONICAL);
		expect(row.contentHash).toBe(FIXED_SHA256);
		expect(createHash('sha256').update(row.content, 'utf8').digest('hex')).toBe(row.contentHash);
		const page = await (await get(`/meetings/${meetingId}/minutes`, cookies.member)).text();
		expect(page).toContain('✓ verified');
		expect(page).toContain(FIXED_SHA256);

		// Someone edits the stored attendance behind the app's back: the badge must see it.
		const tampered = FIXED_CANONICAL.replace(
			'"name":"Reza Karimi","personId":"p-2","side":"ENTREPRENEUR"}',
			'"name":"Someone Else","personId":"p-2","side":"ENTREPRENEUR"}'
		);
		expect(tampered).not.toBe(FIXED_CANONICAL);
		await database.db.minutes.update({ where: { id: minutesId }, data: { content: tampered } });
		const after = await (await get(`/meetings/${meetingId}/minutes`, cookies.member)).text();
		expect(after).toContain('Someone Else');
		expect(after).not.toContain('✓ verified');
		expect(after).toContain('does not match — the record was altered');
	});
});

describe('a malformed form body is a 400, not a crash (defect 7)', () => {
	it('multipart with a bad boundary to /login, /locale and a signed-in action', async () => {
		const before = server.output().length;
		const cases: [string, string | undefined][] = [
			['/login', undefined],
			['/locale', undefined],
			[`/groups/${groupId}/actions?/create`, cookies.moderator]
		];
		for (const [path, cookie] of cases) {
			for (const enhanced of [false, true]) {
				const res = await fetch(`${server.url}${path}`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						origin: server.url,
						'content-type': 'multipart/form-data; boundary=not-the-one-used',
						accept: enhanced ? 'application/json' : 'text/html',
						...(enhanced ? { 'x-sveltekit-action': 'true' } : {}),
						...(cookie ? { cookie } : {})
					},
					body: '--another-boundary\r\nContent-Disposition: form-data; name="email"\r\n\r\nx\r\n--another-boundary--\r\n'
				});
				const body = await res.text();
				expect(res.status, `${path} ${enhanced ? 'enhanced' : 'plain'}`).toBe(400);
				if (enhanced) expect(JSON.parse(body)).toMatchObject({ type: 'error', error: { message: 'MALFORMED_FORM' } });
			}
		}
		// Nothing was reported as a crash.
		await new Promise((r) => setTimeout(r, 200));
		const printed = server.output().slice(before);
		expect(printed).not.toMatch(/error|Failed to parse/i);
	});
});

describe('the language cookie works over plain http (defect 10)', () => {
	it('is not Secure over http, on localhost or any other host', async () => {
		for (const base of [server.url, server.url.replace('127.0.0.1', 'localhost')]) {
			const res = await postForm('/locale', { locale: 'fa', next: '/' }, undefined, base);
			expect(res.status).toBe(303);
			const line = res.headers.getSetCookie().find((c) => c.startsWith('PARAGLIDE_LOCALE='));
			expect(line).toBeDefined();
			expect(line).not.toMatch(/;\s*secure/i);
		}
	});
});

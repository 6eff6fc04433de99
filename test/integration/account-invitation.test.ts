// An administrator invites a person of the databank to an account, through the real pages:
// the account exists at once without a password, the invitation waits in the outbox in the
// inviter's language with a link that welcomes, the link sets the password once, and the
// person signs in with it. Members may not invite; a person with an account, or without an
// email, cannot be invited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';
import { contentOf } from '../../server/domain/mail/bodies';

let server: TestServer;
let database: Database;
let admin: string;
let member: string;
let organisationId: string;

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	admin = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
	member = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
	organisationId = (await database.db.organisation.findFirstOrThrow()).id;
});
afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

const post = (path: string, cookie: string, body: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(body)
	});

const personWith = (email: string | null) =>
	database.db.person.create({ data: { organisationId, name: 'سارا کریمی', email, consent: true }, select: { id: true } });

describe('an invitation to an account', () => {
	it('makes the account, mails a link that sets the password once, and the person signs in', async () => {
		const { id } = await personWith('sara.karimi@rahkar.example');
		expect((await post(`/people/${id}?/invite`, member)).status).toBe(403);
		expect(await database.db.user.findUnique({ where: { personId: id } })).toBeNull();

		const invited = await post(`/people/${id}?/invite`, admin);
		expect(invited.status).toBe(200);
		expect(await invited.text()).toContain('sara.karimi@rahkar.example');
		const user = await database.db.user.findUniqueOrThrow({ where: { personId: id } });
		expect(user.email).toBe('sara.karimi@rahkar.example');
		// Nobody can sign in before the password is chosen.
		await expect(signIn(server.url, user.email, DEMO_PASSWORD)).rejects.toThrow();

		const mail = await database.db.mailOutbox.findFirstOrThrow({ where: { kind: 'account-invitation', userId: user.id } });
		const payload = JSON.parse(mail.payload) as { token: string; days: number };
		expect(mail.locale).toBe('fa');
		expect(payload.days).toBe(7);
		// The demo's administrator works in Persian: the mail is in Persian, its link welcomes.
		const content = contentOf('account-invitation', payload, mail.locale as 'fa', {
			origin: server.url,
			organizer: { name: 'Rahkar', email: 'rahkar@example.org' },
			to: { name: mail.toName, address: mail.toAddress }
		});
		expect(content.body.lines.join(' ')).toContain('۷ روز');
		const link = new URL(content.body.action!.href);
		expect(link.pathname).toBe('/reset-password');
		expect(link.searchParams.get('welcome')).toBe('1');

		const page = await fetch(`${server.url}${link.pathname}${link.search}`, { headers: { cookie: 'PARAGLIDE_LOCALE=en' } });
		expect(await page.text()).toContain('Welcome to Rahkar');
		const set = await post(`${link.pathname}${link.search}`, 'PARAGLIDE_LOCALE=en', { token: payload.token, password: 'sara-chose-this' });
		expect(set.status).toBe(303);
		expect(await signIn(server.url, user.email, 'sara-chose-this')).toContain('session_token=');
		// Once: the link is used up.
		const again = await post(`${link.pathname}${link.search}`, 'PARAGLIDE_LOCALE=en', { token: payload.token, password: 'someone-else-1' });
		expect(again.status).toBe(400);
	});

	it('makes one account when two administrators invite the same person at once', async () => {
		const { id } = await personWith('twice@rahkar.example');
		const answers = await Promise.all([post(`/people/${id}?/invite`, admin), post(`/people/${id}?/invite`, admin)]);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
		expect(await database.db.user.count({ where: { personId: id } })).toBe(1);
		expect(await database.db.mailOutbox.count({ where: { kind: 'account-invitation', toAddress: 'twice@rahkar.example' } })).toBe(1);
	});

	it('refuses a person who has an account, and one without an email', async () => {
		const seated = await database.db.user.findFirstOrThrow({ where: { email: 'member@rahkar.example' }, select: { personId: true } });
		expect((await post(`/people/${seated.personId}?/invite`, admin)).status).toBe(409);
		const { id } = await personWith(null);
		expect((await post(`/people/${id}?/invite`, admin)).status).toBe(409);
		expect(await database.db.user.findUnique({ where: { personId: id } })).toBeNull();
	});
});

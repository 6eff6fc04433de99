// Courses and certificates over HTTP against the real server, posted as a browser without
// JavaScript, with the signing key given in RAHKAR_CERTIFICATE_KEY: an administrator sets a
// course up, its coordinator takes the registers and completes a person; the public page
// verifies the certificate in English and Persian and shows nothing of the person but the
// name; the published key checks the signature without Rahkar; a tampered record stops
// verifying; revoked, the page says so with the reason.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';
import { canonicalBytes, keysFrom, newPrivateKeyPem } from '../../server/domain/courses/signing';

const KEY = newPrivateKeyPem();
let server: TestServer;
let database: Database;
const cookies: Record<string, string> = {};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	// As an operator writes it in an environment file: the PEM on one line, \n spelled out.
	server = await startServer({ env: { RAHKAR_CERTIFICATE_KEY: KEY.replace(/\n/g, '\\n') } });
	database = await openTestDb(server);
	for (const who of ['admin', 'moderator', 'member', 'executor'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

const get = (who: string | null, path: string, language = 'en') =>
	fetch(`${server.url}${path}`, {
		headers: { accept: 'text/html', 'accept-language': language, ...(who ? { cookie: cookies[who] } : {}) },
		redirect: 'manual'
	});
const post = (who: string, path: string, fields: Record<string, string | string[]>) => {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			origin: server.url,
			cookie: cookies[who],
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			'accept-language': 'en'
		},
		body,
		redirect: 'manual'
	});
};

describe('a course from set-up to certificate', () => {
	let course = '';
	let sessions: string[] = [];
	let enrolment = '';
	let certificate = { id: '', code: '' };

	it('an administrator creates the course and names the executor its coordinator', async () => {
		expect((await post('executor', '/courses/new', { title: 'Not theirs', kind: 'TRADE', minAttendance: '75' })).status).toBe(403);
		const bad = await post('admin', '/courses/new', { title: 'x', kind: 'TRADE', minAttendance: '75' });
		expect(bad.status).toBe(400);
		const res = await post('admin', '/courses/new', { title: 'خیاطی در خانه', kind: 'TRADE', minAttendance: '100' });
		expect(res.status).toBe(303);
		course = res.headers.get('location')!.split('/')[2];
		const executor = await database.db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } });
		expect((await post('admin', `/courses/${course}?/addCoordinator`, { personId: executor.personId! })).status).toBe(200);
		expect((await get('executor', `/courses/${course}`)).status).toBe(200);
		expect((await get('moderator', `/courses/${course}`)).status).toBe(403);
	});

	it('the coordinator adds sessions, removes one without a register, and enrols a person of the databank', async () => {
		for (const offset of [-3, 0, 10])
			expect((await post('executor', `/courses/${course}?/addSession`, { day: day(offset), topic: '' })).status).toBe(200);
		sessions = (await database.db.courseSession.findMany({ where: { courseId: course }, orderBy: { day: 'asc' } })).map((s) => s.id);
		expect(sessions).toHaveLength(3);
		expect((await post('executor', `/courses/${course}?/removeSession`, { sessionId: sessions[2] })).status).toBe(200);
		expect(await database.db.courseSession.count({ where: { courseId: course } })).toBe(2);
		const member = await database.db.user.findUniqueOrThrow({ where: { email: 'member@rahkar.example' }, include: { person: true } });
		// Found by part of the name, written with an Arabic yeh as some keyboards type it.
		const found = await (
			await get('executor', `/courses/${course}?q=${encodeURIComponent(member.person!.name.split(' ')[0].replace(/ی/g, 'ي'))}`)
		).text();
		expect(found).toContain(member.person!.name);
		expect((await post('executor', `/courses/${course}?/enrol`, { personId: member.personId! })).status).toBe(200);
		expect((await post('executor', `/courses/${course}?/enrol`, { personId: member.personId! })).status).toBe(400);
		enrolment = (await database.db.enrolment.findFirstOrThrow({ where: { courseId: course } })).id;
	});

	it('takes the registers; completing waits for the rule (100%: both sessions), then issues the certificate', async () => {
		const first = await post('executor', `/courses/${course}/sessions/${sessions[0]}?/save`, { present: enrolment });
		expect(first.status).toBe(303);
		expect(first.headers.get('location')).toBe(`/courses/${course}`);
		expect((await post('executor', `/courses/${course}?/complete`, { enrolmentId: enrolment })).status).toBe(409);
		expect((await post('member', `/courses/${course}/sessions/${sessions[1]}?/save`, { present: enrolment })).status).toBe(403);
		expect((await post('executor', `/courses/${course}/sessions/${sessions[1]}?/save`, { present: enrolment })).status).toBe(303);
		expect((await post('executor', `/courses/${course}?/complete`, { enrolmentId: enrolment })).status).toBe(200);
		certificate = await database.db.certificate.findUniqueOrThrow({ where: { enrolmentId: enrolment }, select: { id: true, code: true } });
		const page = await (await get('member', `/certificates/${certificate.id}`)).text();
		expect(page).toContain(certificate.code.match(/.{4}/g)!.join('-'));
		expect(page).toContain(`/verify/${certificate.code}`);
		expect((await get('moderator', `/certificates/${certificate.id}`)).status).toBe(404);
	});

	it('the public page verifies it in English and in Persian, no-store, with the name and the course only', async () => {
		const holder = await database.db.user.findUniqueOrThrow({ where: { email: 'member@rahkar.example' }, include: { person: true } });
		const en = await get(null, `/verify/${certificate.code}`);
		expect(en.status).toBe(200);
		expect(en.headers.get('cache-control')).toContain('no-store');
		const enHtml = await en.text();
		expect(enHtml).toContain('Valid certificate');
		expect(enHtml).toContain(holder.person!.name);
		expect(enHtml).toContain('خیاطی در خانه');
		for (const secret of [holder.email, holder.person!.email, holder.person!.phone].filter(Boolean)) expect(enHtml).not.toContain(secret!);
		const faHtml = await (await get(null, `/verify/${certificate.code}`, 'fa')).text();
		expect(faHtml).toMatch(/<html lang="fa" dir="rtl"/);
		expect(faHtml).toContain('گواهینامه‌ی معتبر');
		const jalali = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long', timeZone: 'Asia/Tehran' }).format(new Date());
		expect(faHtml).toContain(jalali);
		// Typed by hand: lower case, with dashes.
		const typed = await get(null, `/verify?code=${certificate.code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-')}`);
		expect(typed.status).toBe(303);
		expect(typed.headers.get('location')).toBe(`/verify/${certificate.code}`);
		expect(await (await get(null, '/verify/ZZZZZZZZZZZZ')).text()).toContain('No certificate has this code');
	});

	it('the published key is the configured one, and it checks the signature without Rahkar', async () => {
		const res = await get(null, '/verify/key');
		const pem = await res.text();
		expect(pem).toBe(keysFrom(KEY).publicPem);
		expect(res.headers.get('x-key-id')).toBe(keysFrom(KEY).keyId);
		const row = await database.db.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
		const bytes = canonicalBytes({ ...row, courseKind: row.courseKind });
		expect(verify(null, bytes, createPublicKey(pem), Buffer.from(row.signature, 'base64url'))).toBe(true);
	});

	it('a record altered in the database stops verifying', async () => {
		const row = await database.db.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
		await database.db.certificate.update({ where: { id: row.id }, data: { courseTitle: 'دوره‌ی دیگری' } });
		expect(await (await get(null, `/verify/${certificate.code}`)).text()).toContain('Not a valid certificate');
		expect(await (await get('admin', `/certificates/${certificate.id}`)).text()).toContain('does not carry a valid signature');
		await database.db.certificate.update({ where: { id: row.id }, data: { courseTitle: row.courseTitle } });
		expect(await (await get(null, `/verify/${certificate.code}`)).text()).toContain('Valid certificate');
	});

	it('only an administrator revokes, with a reason; the public page then says revoked, with it', async () => {
		const reason = 'Recorded for the wrong person';
		expect((await post('executor', `/certificates/${certificate.id}?/revoke`, { reason })).status).toBe(403);
		expect((await post('member', `/certificates/${certificate.id}?/revoke`, { reason })).status).toBe(403);
		expect((await post('admin', `/certificates/${certificate.id}?/revoke`, { reason: '' })).status).toBe(400);
		expect((await post('admin', `/certificates/${certificate.id}?/revoke`, { reason })).status).toBe(200);
		expect((await post('admin', `/certificates/${certificate.id}?/revoke`, { reason })).status).toBe(409);
		const html = await (await get(null, `/verify/${certificate.code}`)).text();
		expect(html).toContain('Revoked certificate');
		expect(html).toContain(reason);
		expect(await (await get(null, `/verify/${certificate.code}`, 'fa')).text()).toContain('گواهینامه‌ی باطل‌شده');
	});
});

// Intake over HTTP against the real server, as a browser without JavaScript sends it: the
// public form's defences and its per-address limit, the tracking code's status page in both
// languages without personal data, and district staff triaging what came in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';

let server: TestServer;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
	server = await startServer({ env: { RAHKAR_INTAKE_PER_HOUR: '3', RAHKAR_INTAKE_MIN_SECONDS: '2' } });
}, 120_000);
afterAll(() => server?.dispose());

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, { headers: { accept: 'text/html', 'accept-language': 'en', ...headers }, redirect: 'manual' });
const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			'accept-language': 'en',
			...headers
		},
		body,
		redirect: 'manual'
	});
};

/** The public form as served: its fresh token and the first district offered. */
async function openForm(): Promise<{ token: string; districtId: string }> {
	const html = await (await get('/intake')).text();
	const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
	const districtId = /<option value="(c[^"]+)"/.exec(html)?.[1];
	expect(token && districtId, 'the form carries a token and the districts').toBeTruthy();
	return { token: token!, districtId: districtId! };
}
const idea = (form: { token: string; districtId: string }, extra: Record<string, string | string[]> = {}) => ({
	kind: 'IDEA',
	title: 'Zxbakery at home',
	description: 'Bread from a home oven',
	name: 'Zxmaryam Ahmadi',
	phone: '09121234567',
	email: '',
	consent: ['STORE', 'CONTACT'],
	website: '',
	...form,
	...extra
});

describe('the public form over HTTP', () => {
	let trackingCode = '';

	it('refuses a form sent at once, and a filled honeypot, with a 400 and nothing in the queue', async () => {
		const form = await openForm();
		const fast = await post('/intake', idea(form));
		expect(fast.status).toBe(400);
		expect(await fast.text()).toContain('That was quick');
		await sleep(2100);
		const bot = await post('/intake', idea(form, { website: 'http://spam.example' }));
		expect(bot.status).toBe(400);
	});

	it('takes a person’s submission: a 303 to its status page, which names no one', async () => {
		const form = await openForm();
		await sleep(2100);
		const res = await post('/intake', idea(form));
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/track\/RK-[2-9A-Z]{5}-[2-9A-Z]{5}\?new=1$/);
		trackingCode = location.split('/')[2].split('?')[0];
		const page = await get(location);
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toContain('no-store');
		const html = await page.text();
		expect(html).toContain(trackingCode);
		expect(html).toContain('Waiting to be looked at');
		for (const secret of ['Zxmaryam', 'Zxbakery', '0912', 'home oven']) expect(html).not.toContain(secret);
		// Typed in lower case, without dashes: the lookup finds it.
		const lookup = await get(`/track?code=${trackingCode.toLowerCase().replace(/-/g, '')}`);
		expect(lookup.status).toBe(303);
		expect(lookup.headers.get('location')).toBe(`/track/${trackingCode}`);
		expect((await get('/track/RK-22222-22222')).status).toBe(404);
	});

	it('district staff see it in their queue, register the citizen and refer them; the status page follows, in Persian too', async () => {
		const cookie = await signIn(server.url, 'staff@rahkar.example', DEMO_PASSWORD);
		const queue = await (await get('/district', { cookie })).text();
		expect(queue).toContain('Zxbakery at home');
		// Only the person's submission came in (not the one sent at once, nor the bot's).
		expect(queue.split('Zxbakery at home</a>').length - 1).toBe(1);
		const id = /href="\.?\/district\/(c[a-z0-9]{20,})"/.exec(queue)?.[1];
		expect(id).toBeTruthy();
		const triage = await (await get(`/district/${id}`, { cookie })).text();
		expect(triage).toContain('given by the citizen on the public form');
		expect((await post(`/district/${id}?/refer`, { course: 'Self-employment' }, { cookie })).status).toBe(409);
		expect((await post(`/district/${id}?/register`, {}, { cookie })).status).toBe(200);
		expect((await post(`/district/${id}?/refer`, { course: 'Self-employment basics' }, { cookie })).status).toBe(200);

		const en = await (await get(`/track/${trackingCode}`)).text();
		expect(en).toContain('Referred to a course');
		expect(en).toContain('Course: Self-employment basics');
		const fa = await (await get(`/track/${trackingCode}`, { 'accept-language': 'fa', cookie: 'PARAGLIDE_LOCALE=fa' })).text();
		expect(fa).toContain('dir="rtl"');
		expect(fa).toContain('ارجاع‌شده به دوره');
		// The date in the Persian calendar with Persian digits (the year ۱۴۰x).
		expect(fa).toMatch(/۱۴۰[۰-۹]/);
		expect(fa).not.toContain('Zxmaryam');
	});

	it('limits submissions per address: past RAHKAR_INTAKE_PER_HOUR an address gets 429', async () => {
		// One valid submission so far; two more fill the limit of three.
		for (let i = 0; i < 2; i++) {
			const form = await openForm();
			await sleep(2100);
			expect((await post('/intake', idea(form))).status).toBe(303);
		}
		const form = await openForm();
		await sleep(2100);
		const refused = await post('/intake', idea(form));
		expect(refused.status).toBe(429);
		expect(await refused.text()).toContain('cannot be done right now');
	});

	it('other staff, members and strangers do not reach a district’s intake', async () => {
		const member = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
		expect((await get('/district', { cookie: member })).status).toBe(403);
		expect((await get('/district')).status).toBe(303);
	});
});

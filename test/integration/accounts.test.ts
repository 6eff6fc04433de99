// Signing in and out through the /login form action, the session cookie, and throttling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => server?.dispose());

const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
		body: new URLSearchParams(form)
	});

describe('accounts', () => {
	it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and the dashboard lists the groups', async () => {
		const res = await post('/login', { email: 'Moderator@Rahkar.example', password: DEMO_PASSWORD });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/dashboard');
		const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i); // not in production, plain http
		const page = await fetch(`${server.url}/dashboard`, { headers: { cookie: cookie.split(';')[0] } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('کارگروه کسب‌وکارهای خانگی');
	});

	it('sends a visitor without a session to the sign-in page', async () => {
		const res = await fetch(`${server.url}/dashboard`, { redirect: 'manual' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Fdashboard');
	});

	it('answers a wrong password and an unknown email identically', async () => {
		const wrong = await post('/login', { email: 'member@rahkar.example', password: 'not-the-password' }, { 'x-test': '1' });
		const unknown = await post('/login', { email: 'nobody@rahkar.example', password: 'not-the-password' });
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		expect(wrong.headers.getSetCookie()).toEqual([]);
		// The email typed is shown back, and each page's CSP nonce is fresh: nothing else may differ.
		const text = (html: string) =>
			html.replace(/member@rahkar\.example|nobody@rahkar\.example/g, 'EMAIL').replace(/nonce="[^"]*"/g, 'nonce=""');
		expect(text(await wrong.text())).toBe(text(await unknown.text()));
	});

	it('locks an account after repeated failures, even for the right password', async () => {
		for (let i = 0; i < 5; i++) await post('/login', { email: 'executor@rahkar.example', password: `wrong-${i}` });
		const locked = await post('/login', { email: 'executor@rahkar.example', password: DEMO_PASSWORD });
		expect(locked.status).toBe(429);
		// Other accounts from the same address are not locked out.
		expect((await post('/login', { email: 'observer@rahkar.example', password: DEMO_PASSWORD })).status).toBe(303);
	});

	it('refuses a cross-site form post (SvelteKit origin check)', async () => {
		const res = await post('/login', { email: 'member@rahkar.example', password: DEMO_PASSWORD }, { origin: 'https://evil.example' });
		expect(res.status).toBe(403);
	});

	it('signs out: the session stops working, and the browser is told to drop what it stored', async () => {
		const cookie = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
		const out = await post('/logout', {}, { cookie });
		expect(out.status).toBe(303);
		// The agenda's offline copies in IndexedDB, also where the page's own clean-up did not run.
		expect(out.headers.get('clear-site-data')).toBe('"storage"');
		const after = await fetch(`${server.url}/dashboard`, { headers: { cookie }, redirect: 'manual' });
		expect(after.status).toBe(303);
	});

	it('remembers the chosen language on the account and brings it to a new sign-in', async () => {
		const cookie = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
		const res = await post('/locale', { locale: 'fa', next: '/dashboard' }, { cookie });
		expect(res.status).toBe(303);
		const again = await post('/login', { email: 'admin@rahkar.example', password: DEMO_PASSWORD });
		expect(again.headers.getSetCookie().some((c) => c.startsWith('PARAGLIDE_LOCALE=fa'))).toBe(true);
	});
});

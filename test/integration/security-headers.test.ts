// Security headers on every kind of response: a page (SvelteKit's CSP with a nonce on its own
// scripts), a form action, a client file and /healthz; HSTS only when served over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';

let server: TestServer;
let https: TestServer;

beforeAll(async () => {
	[server, https] = await Promise.all([startServer(), startServer({ env: { ORIGIN: 'https://rahkar.example' } })]);
});
afterAll(async () => {
	await Promise.all([server?.dispose(), https?.dispose()]);
});

function expectCommonHeaders(res: Response, what: string) {
	expect(res.headers.get('x-frame-options'), what).toBe('DENY');
	expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
	expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
	const csp = res.headers.get('content-security-policy') ?? '';
	expect(csp, what).toContain("frame-ancestors 'none'");
	expect(csp, what).toMatch(/(default-src 'none'|default-src 'self')/);
	expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
	expect(res.headers.get('strict-transport-security'), `${what}: no HSTS on plain http`).toBeNull();
}

describe('security headers', () => {
	it('a page: a CSP whose nonce is on every inline script, and the other headers', async () => {
		const res = await fetch(`${server.url}/login`, { headers: { accept: 'text/html' } });
		expect(res.status).toBe(200);
		expectCommonHeaders(res, '/login');
		const csp = res.headers.get('content-security-policy')!;
		const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
		expect(directives['default-src']).toEqual(["'self'"]);
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(directives['base-uri']).toEqual(["'self'"]);
		expect(directives['form-action']).toEqual(["'self'"]);
		expect(directives['connect-src']).toEqual(["'self'"]);
		expect(directives['img-src']).toEqual(["'self'", 'data:']);
		const nonce = /'nonce-([^']+)'/.exec(directives['script-src'].join(' '))?.[1];
		expect(nonce).toBeTruthy();
		const html = await res.text();
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
		expect(inline.length).toBeGreaterThan(0);
		for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
		// A new nonce on every response.
		const again = await fetch(`${server.url}/login`, { headers: { accept: 'text/html' } });
		expect(again.headers.get('content-security-policy')).not.toContain(nonce);
	});

	it('a signed-in page and a form action response', async () => {
		const cookie = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
		expectCommonHeaders(await fetch(`${server.url}/dashboard`, { headers: { cookie, accept: 'text/html' } }), '/dashboard');
		const action = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ email: 'nobody@rahkar.example', password: 'wrong-password' })
		});
		expect(action.headers.get('content-type')).toContain('application/json');
		expectCommonHeaders(action, 'POST /login');
		const redirect = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: 'admin@rahkar.example', password: DEMO_PASSWORD })
		});
		expect(redirect.status).toBe(303);
		expectCommonHeaders(redirect, 'POST /login (signed in)');
	});

	it('a client file and /healthz, with the fallback policy', async () => {
		const html = await (await fetch(`${server.url}/login`, { headers: { accept: 'text/html' } })).text();
		const script = /\/_app\/immutable\/[^"']+\.js/.exec(html)![0];
		for (const path of ['/favicon.svg', script, '/healthz']) {
			const res = await fetch(`${server.url}${path}`);
			expect(res.status, path).toBe(200);
			expectCommonHeaders(res, path);
			expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
		}
	});

	it('HSTS when the public origin is https', async () => {
		for (const path of ['/healthz', '/login', '/favicon.svg']) {
			const res = await fetch(`${https.url}${path}`, { headers: { accept: 'text/html' } });
			expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
		}
	});
});

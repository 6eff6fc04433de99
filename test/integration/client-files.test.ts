// The built client files: served with their cache headers, and a file removed after start-up
// (a new build written in place) answers 404 instead of crashing the process, which is what
// SvelteKit's own static handler did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { request } from 'node:http';
import express from 'express';
import { clientFiles } from '../../server/http/client-files';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'rahkar-client-'));
	mkdirSync(path.join(dir, '_app/immutable/assets'), { recursive: true });
	writeFileSync(path.join(dir, '_app/immutable/assets/app.abc123.css'), 'body{}');
	writeFileSync(path.join(dir, '_app/immutable/assets/app.abc123.css.br'), brotliCompressSync('body{}'));
	writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *');
	const app = express();
	app.use(clientFiles(dir));
	app.use((_req, res) => void res.status(200).send('the app'));
	server = createServer(app);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve));
	rmSync(dir, { recursive: true, force: true });
});

describe('built client files', () => {
	it('serves hashed assets for a year and other files plainly', async () => {
		const css = await fetch(`${base}/_app/immutable/assets/app.abc123.css`, { headers: { 'accept-encoding': 'identity' } });
		expect(css.status).toBe(200);
		expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(css.headers.get('content-type')).toMatch(/^text\/css/);
		expect(await css.text()).toBe('body{}');
		const robots = await fetch(`${base}/robots.txt`);
		expect(robots.status).toBe(200);
		expect(robots.headers.get('cache-control')).not.toContain('immutable');
	});

	it('sends the precompressed copy to a browser that accepts it', async () => {
		const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
			request(`${base}/_app/immutable/assets/app.abc123.css`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
			})
				.on('error', reject)
				.end();
		});
		expect(raw.headers['content-encoding']).toBe('br');
		expect(raw.headers['content-type']).toMatch(/^text\/css/);
		expect(raw.headers['vary']).toMatch(/accept-encoding/i);
		expect(brotliDecompressSync(raw.body).toString()).toBe('body{}');
	});

	it('passes everything else to the app', async () => {
		expect(await (await fetch(`${base}/dashboard`)).text()).toBe('the app');
		expect(await (await fetch(`${base}/_app/immutable/assets/not-built.css`)).text()).toBe('the app');
		expect(await (await fetch(`${base}/%E0%A4%A`)).text()).toBe('the app');
	});

	it('answers 404 for a file removed since start-up, and keeps serving', async () => {
		rmSync(path.join(dir, '_app/immutable/assets/app.abc123.css'));
		rmSync(path.join(dir, '_app/immutable/assets/app.abc123.css.br'));
		const gone = await fetch(`${base}/_app/immutable/assets/app.abc123.css`);
		expect(gone.status).toBe(404);
		expect(await gone.text()).toContain('reload the page');
		expect((await fetch(`${base}/robots.txt`)).status).toBe(200);
	});
});

// `npm run user:create` on an empty database without the demo: the administrator it makes
// can sign in on a real server that then serves the same database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/clients';
import { startServer, type TestServer } from '../support/server';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'x.db')}`, RAHKAR_DEMO: '0' };

/** Runs the CLI as `npm run user:create` does; resolves with its exit code and output. */
function userCreate(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			['--import', 'tsx', 'server/cli/user-create.ts', ...args],
			{ cwd: root, env },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
		child.stdin!.end(stdin ?? '');
	});
}

let server: TestServer | undefined;
afterAll(async () => {
	await server?.dispose();
	rmSync(dir, { recursive: true, force: true });
});

describe('user:create', () => {
	beforeAll(async () => {
		const created = await userCreate(['--email', 'First@Example.org', '--name', 'First Admin', '--admin'], 'first-admin-pass\n');
		expect(created, created.stderr).toMatchObject({ code: 0 });
		expect(created.stdout).toMatch(/Created administrator first@example\.org/);
	}, 60_000);

	it('refuses a second account with the same email (exit 3), and bad input before touching anything (exit 2)', async () => {
		const again = await userCreate(['--email', 'first@example.org', '--name', 'Again', '--password', 'another-pass-1']);
		expect(again.code).toBe(3);
		expect(again.stderr).toMatch(/already exists/);
		const short = await userCreate(['--email', 'second@example.org', '--name', 'Second', '--password', 'short']);
		expect(short.code).toBe(2);
		expect(short.stderr).toMatch(/password: at least 8 characters/);
		const missing = await userCreate(['--name', 'No Email', '--password', 'long-enough-1']);
		expect(missing.code).toBe(2);
	});

	it('signs the new administrator in on a server using that database, which seeds no demo', async () => {
		server = await startServer({ databaseUrl: env.DATABASE_URL, env: { RAHKAR_DEMO: '0' } });
		const cookie = await signIn(server.url, 'first@example.org', 'first-admin-pass');
		const dashboard = await fetch(`${server.url}/dashboard`, { headers: { cookie, 'accept-language': 'en' } });
		expect(dashboard.status).toBe(200);
		const html = await dashboard.text();
		expect(html).toContain('First Admin');
		expect(html).toContain('As an administrator');
		await expect(signIn(server.url, 'admin@rahkar.example', 'test-password-1')).rejects.toThrow(/sign-in failed/);
	});
});

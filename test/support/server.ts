// Starts the real Rahkar server (server/main.ts) in a child process on a random port,
// with a fresh database: a SQLite file, or a new PostgreSQL database when
// TEST_DATABASE=postgres.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';

export const DEMO_PASSWORD = 'test-password-1';
const root = path.resolve(import.meta.dirname, '../..');

export interface TestServer {
	url: string;
	databaseUrl: string;
	provider: 'sqlite' | 'postgresql';
	/** Output the server printed so far. */
	output(): string;
	/** Stops the process (SIGTERM, or SIGKILL when `hard`). */
	stop(hard?: boolean): Promise<void>;
	/** Starts the process again on the same port and database. */
	restart(hard?: boolean): Promise<void>;
	/** Stops the server and removes its database (unless it was given as `databaseUrl`). */
	dispose(): Promise<void>;
}

async function freshDatabase(postgres: boolean): Promise<{ url: string; provider: 'sqlite' | 'postgresql'; drop(): Promise<void> }> {
	if (postgres) {
		const admin = inject('postgresUrl');
		if (!admin) throw new Error('TEST_DATABASE=postgres needs PostgreSQL: set TEST_POSTGRES_URL or install the server programs');
		const name = `rahkar_test_${randomBytes(5).toString('hex')}`;
		const client = new pg.Client({ connectionString: admin });
		await client.connect();
		await client.query(`CREATE DATABASE "${name}"`);
		await client.end();
		const url = new URL(admin);
		url.pathname = `/${name}`;
		return {
			url: url.toString(),
			provider: 'postgresql',
			async drop() {
				const c = new pg.Client({ connectionString: admin });
				await c.connect();
				await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
				await c.end();
			}
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-test-'));
	return {
		url: `file:${path.join(dir, 'rahkar.db')}`,
		provider: 'sqlite',
		drop: async () => rmSync(dir, { recursive: true, force: true })
	};
}

export interface StartOptions {
	env?: Record<string, string>;
	/** Use PostgreSQL even when the suite runs on SQLite (default: TEST_DATABASE=postgres). */
	postgres?: boolean;
	/** Serve this existing database instead of a fresh one; the caller owns it and removes it. */
	databaseUrl?: string;
}

const existingDatabase = (url: string) => ({
	url,
	provider: url.startsWith('postgres') ? ('postgresql' as const) : ('sqlite' as const),
	drop: async () => {}
});

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	const database = options.databaseUrl
		? existingDatabase(options.databaseUrl)
		: await freshDatabase(options.postgres ?? process.env.TEST_DATABASE === 'postgres');
	let port = 0;
	let child: ChildProcess | null = null;
	// Mail without SMTP_URL is written as files: here, not into the repository's data/.
	const outbox = mkdtempSync(path.join(tmpdir(), 'rahkar-test-outbox-'));
	let log = '';

	const launch = () =>
		new Promise<void>((resolve, reject) => {
			const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
				cwd: root,
				env: {
					...process.env,
					NODE_ENV: 'test',
					PORT: String(port),
					HOST: '127.0.0.1',
					DATABASE_URL: database.url,
					RAHKAR_DEMO: '1',
					RAHKAR_DEMO_PASSWORD: DEMO_PASSWORD,
					RAHKAR_OUTBOX_DIR: outbox,
					...options.env
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			child = proc;
			// Generous: migrating and seeding a fresh PostgreSQL database is slow on a busy machine.
			const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 90_000);
			const onData = (chunk: Buffer) => {
				log += chunk.toString();
				const m = /Rahkar listening on http:\/\/localhost:(\d+)/.exec(log);
				if (m && port === 0) port = Number(m[1]);
				if (m) {
					clearTimeout(timer);
					resolve();
				}
			};
			proc.stdout!.on('data', onData);
			proc.stderr!.on('data', (c: Buffer) => (log += c.toString()));
			proc.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`server exited with ${code}:\n${log}`));
			});
		});

	const stop = async (hard = false) => {
		const proc = child;
		if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			proc.once('exit', () => resolve());
			proc.kill(hard ? 'SIGKILL' : 'SIGTERM');
		});
	};

	await launch();
	return {
		get url() {
			return `http://127.0.0.1:${port}`;
		},
		databaseUrl: database.url,
		provider: database.provider,
		output: () => log,
		stop,
		async restart(hard = false) {
			await stop(hard);
			log = '';
			await launch();
		},
		async dispose() {
			await stop();
			await database.drop();
			rmSync(outbox, { recursive: true, force: true });
		}
	};
}

// Starts each server under test in its own process: Rahkar (the built server, dist/server/main.js, on a fresh
// SQLite database, or on a given PostgreSQL database for several nodes; demo data, signed
// in as the administrator) and the two references.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ServerKind } from './collab-protocol';
import { resultsDir } from './report';
import { buildServer, serverEntry, serverSources } from '../../scripts/build-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const DEMO_PASSWORD = 'bench-password-1';

export interface RunningServer {
	kind: ServerKind;
	pid: number;
	/** http://127.0.0.1:<port> */
	httpBase: string;
	/** ws://127.0.0.1:<port> */
	wsBase: string;
	/** Rahkar: the session cookie of the administrator. */
	cookie?: string;
	/** Rahkar: a group the documents belong to. */
	groupId?: string;
	output(): string;
	/** Stops the process (SIGTERM, SIGKILL after 15 s) and removes its files. */
	stop(): Promise<void>;
}

export interface StartOptions {
	/** Write V8 CPU profiles of the server process (one per thread; the main thread's is
	 * the largest) into this folder under bench/results/profiles/. */
	cpuProfile?: string;
}

export interface RahkarOptions extends StartOptions {
	/** A PostgreSQL database (postgres://…) instead of a fresh SQLite file. It is left in
	 * place on stop; the first node on it migrates and seeds it. */
	databaseUrl?: string;
	/** More environment, e.g. REDIS_URL for a cluster node; undefined removes a variable. */
	env?: Record<string, string | undefined>;
	/** Run server/main.ts through tsx (as `npm start` did before the server was built ahead). */
	fromSource?: boolean;
}

function launch(
	args: string[],
	env: Record<string, string | undefined>,
	ready: RegExp
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
	const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`server did not start:\n${log}`));
		}, 60_000);
		const onData = (chunk: Buffer) => {
			log += chunk.toString();
			const m = ready.exec(log);
			if (m) {
				clearTimeout(timer);
				child.stdout!.off('data', onData);
				child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
				resolve({ child, port: Number(m[1]), output: () => log });
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log}`));
		});
	});
}

function stopper(child: ChildProcess, cleanup: () => void = () => {}): () => Promise<void> {
	return async () => {
		if (child.exitCode === null && child.signalCode === null) {
			await new Promise<void>((resolve) => {
				const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
				child.once('exit', () => {
					clearTimeout(force);
					resolve();
				});
				child.kill('SIGTERM');
			});
		}
		cleanup();
	};
}

function profileArgs(options: StartOptions): string[] {
	if (!options.cpuProfile) return [];
	// No --cpu-prof-name: tsx's loader thread would write its profile over the main one.
	const dir = path.join(resultsDir, 'profiles', options.cpuProfile);
	mkdirSync(dir, { recursive: true });
	return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/** Signs in through the /login form action, as a browser would; returns the Cookie header.
 * Retries a 5xx a few times: on a shared checkout someone may be rebuilding build/. */
async function signIn(httpBase: string, email: string, password: string): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		const res = await fetch(`${httpBase}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: httpBase, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email, password })
		});
		const session = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.includes('better-auth.session_token='));
		if (res.status === 303 && session) return session;
		if (res.status < 500 || attempt === 5) throw new Error(`sign-in failed for ${email}: HTTP ${res.status}`);
		await new Promise((r) => setTimeout(r, 3000));
	}
}

/** Any group will do (the administrator may open every group's documents). Read it from
 * the server's own database rather than scrape a page for it. */
async function firstGroup(databaseUrl: string): Promise<string | undefined> {
	const query = 'SELECT id FROM "Group" ORDER BY "createdAt" LIMIT 1';
	if (databaseUrl.startsWith('file:')) {
		const db = new Database(databaseUrl.slice('file:'.length), { readonly: true, fileMustExist: true });
		const group = db.prepare(query).get() as { id: string } | undefined;
		db.close();
		return group?.id;
	}
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		return ((await client.query(query)).rows[0] as { id: string } | undefined)?.id;
	} finally {
		await client.end();
	}
}

/** server/main.ts loads the SvelteKit build once, at start-up, and answers 503 without
 * it: on a shared checkout someone may be rebuilding build/, so wait for it first. */
async function waitForBuild(): Promise<void> {
	const handler = path.join(root, 'build/handler.js');
	let waited = 0;
	for (; !existsSync(handler); waited += 1000) {
		if (waited >= 300_000) throw new Error('build/handler.js is missing: run `npm run build`');
		await new Promise((r) => setTimeout(r, 1000));
	}
	// A build writes handler.js early; give it a moment to finish the rest.
	if (waited > 0) await new Promise((r) => setTimeout(r, 2000));
}

/** The built server (dist/server), rebuilt first when server/ or shared/ changed since. */
async function serverBuilt(): Promise<string> {
	const newest = (p: string): number => {
		const full = path.join(root, p);
		if (!existsSync(full)) return 0;
		const s = statSync(full);
		return s.isDirectory() ? Math.max(0, ...readdirSync(full).map((e) => newest(path.join(p, e)))) : s.mtimeMs;
	};
	if (!existsSync(serverEntry) || Math.max(...serverSources.map(newest)) > statSync(serverEntry).mtimeMs) await buildServer();
	return serverEntry;
}

export async function startRahkar(options: RahkarOptions = {}): Promise<RunningServer> {
	await waitForBuild();
	const entry = options.fromSource ? ['--import', 'tsx', 'server/main.ts'] : [await serverBuilt()];
	const dir = options.databaseUrl ? null : mkdtempSync(path.join(tmpdir(), 'rahkar-bench-'));
	const databaseUrl = options.databaseUrl ?? `file:${path.join(dir!, 'rahkar.db')}`;
	const { child, port, output } = await launch(
		[...profileArgs(options), ...entry],
		{
			NODE_ENV: 'production',
			PORT: '0',
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			RAHKAR_DEMO: '1',
			RAHKAR_DEMO_PASSWORD: DEMO_PASSWORD,
			...options.env
		},
		/Rahkar listening on http:\/\/localhost:(\d+)/
	);
	const stop = stopper(child, () => dir && rmSync(dir, { recursive: true, force: true }));
	try {
		const httpBase = `http://127.0.0.1:${port}`;
		const cookie = await signIn(httpBase, 'admin@rahkar.example', DEMO_PASSWORD);
		const groupId = await firstGroup(databaseUrl);
		if (!groupId) throw new Error('the demo organisation has no group');
		return { kind: 'rahkar', pid: child.pid!, httpBase, wsBase: `ws://127.0.0.1:${port}`, cookie, groupId, output, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

export async function startReference(kind: 'yws' | 'hocuspocus', options: StartOptions = {}): Promise<RunningServer> {
	const script = kind === 'yws' ? 'bench/reference-yws.mjs' : 'bench/reference-hocuspocus.mjs';
	const { child, port, output } = await launch(
		[...profileArgs(options), script],
		{ PORT: '0', HOST: '127.0.0.1' },
		/listening on port (\d+)/
	);
	return { kind, pid: child.pid!, httpBase: `http://127.0.0.1:${port}`, wsBase: `ws://127.0.0.1:${port}`, output, stop: stopper(child) };
}

export const startServer = (kind: ServerKind, options: StartOptions = {}): Promise<RunningServer> =>
	kind === 'rahkar' ? startRahkar(options) : startReference(kind, options);

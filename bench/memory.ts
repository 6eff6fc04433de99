// `npm run bench -- memory`: what the server holds in memory, beside the references.
//   - RSS after start and a little use (sign-in, a few pages): Rahkar (the built server;
//     with `--source true` also server/main.ts through tsx, as `npm start` ran it before),
//     a bare Socket.IO 4.8 server (bench/reference-socketio.mjs) and @y/websocket-server.
//   - RSS added per idle client: signed-in Socket.IO clients (Rahkar beside the bare
//     Socket.IO server) and synced y-websocket clients on `--docs` documents (Rahkar beside
//     @y/websocket-server), at each of `--clients` (cumulative: 1,000 then 4,000 more).
// Each measurement gets a fresh server process (memory freed by one kind's clients would
// otherwise be reused by the next and hide its cost), pinned to one core, the clients in a
// child process on the other. RSS is the median of five samples a second apart, after the
// clients have been idle for `--settle` seconds.
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Child } from './lib/child';
import { canPin, pin, sample } from './lib/proc';
import { table, writeResults } from './lib/report';
import { startRahkar, startReference, type RunningServer } from './lib/servers';
import type { IdleTarget } from './lib/idle-clients';

const SERVER_CORE = 0;
const GENERATOR_CORE = 1;
const KB = 1024;
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The aims of issue 19. */
const AIM = { startMb: 150, socketioKb: 20, yjsKb: 10 };

type ServerName = 'rahkar' | 'rahkar-source' | 'socketio' | 'yws';
const titles: Record<ServerName, string> = {
	rahkar: 'Rahkar (built)',
	'rahkar-source': 'Rahkar through tsx (before)',
	socketio: 'bare Socket.IO 4.8',
	yws: '@y/websocket-server 0.1.1'
};

async function startBare(): Promise<RunningServer> {
	const child = spawn(process.execPath, [path.join(import.meta.dirname, 'reference-socketio.mjs')], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (c: Buffer) => {
			out += c.toString();
			const m = /listening on port (\d+)/.exec(out);
			if (m) resolve(Number(m[1]));
		});
		child.once('exit', (code) => reject(new Error(`bare Socket.IO server exited with ${code}`)));
	});
	return {
		kind: 'yws',
		pid: child.pid!,
		httpBase: `http://127.0.0.1:${port}`,
		wsBase: `ws://127.0.0.1:${port}`,
		output: () => '',
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
}

const start = (name: ServerName): Promise<RunningServer> =>
	name === 'socketio' ? startBare() : name === 'yws' ? startReference('yws') : startRahkar({ fromSource: name === 'rahkar-source' });

/** Median RSS of five samples a second apart. */
async function rss(pid: number): Promise<number> {
	const values: number[] = [];
	for (let i = 0; i < 5; i++) {
		if (i > 0) await sleep(1000);
		values.push(sample(pid)?.rss ?? NaN);
	}
	return values.sort((a, b) => a - b)[2];
}

/** A little use, as a person's first minute: pages read through HTTP. */
async function littleUse(server: RunningServer): Promise<void> {
	const headers = server.cookie ? { cookie: server.cookie } : undefined;
	const pages = server.cookie ? ['/', '/groups', `/groups/${server.groupId}`, '/people', '/meetings', '/action-items'] : ['/'];
	for (const page of pages) await fetch(`${server.httpBase}${page}`, { headers }).then((r) => r.arrayBuffer());
}

interface StartRow {
	server: ServerName;
	rssMb: number;
	usedMb: number;
}

interface IdleRow {
	server: ServerName;
	kind: IdleTarget['kind'];
	clients: number;
	open: number;
	baseMb: number;
	rssMb: number;
	perClientKb: number;
	failures: string[];
}

function target(server: RunningServer, name: ServerName, kind: IdleTarget['kind'], docs: number): IdleTarget {
	const rahkar = name !== 'yws' && name !== 'socketio';
	return {
		kind,
		httpBase: server.httpBase,
		cookie: rahkar ? server.cookie : undefined,
		yjsBase: rahkar ? `${server.wsBase}/collab` : server.wsBase,
		docs: Array.from({ length: docs }, (_, i) => (rahkar ? `group.${server.groupId}.idle-${i}` : `idle-${i}`))
	};
}

async function idle(name: ServerName, kind: IdleTarget['kind'], sizes: number[], docs: number, settleS: number): Promise<IdleRow[]> {
	const server = await start(name);
	pin(server.pid, SERVER_CORE);
	const clients = Child.start(`idle-${kind}`, 'idle-clients.ts');
	pin(clients.pid, GENERATOR_CORE);
	const rows: IdleRow[] = [];
	try {
		await littleUse(server);
		const to = target(server, name, kind, docs);
		// Warm up: the first connections pay for code and caches that later ones share.
		await clients.call({ type: 'open', target: to, count: 50 }, 600_000);
		await clients.call({ type: 'close' });
		await sleep(settleS * 1000);
		const base = await rss(server.pid);
		let opened = 0;
		for (const size of sizes) {
			process.stdout.write(`  ${titles[name]}, ${size} idle ${kind} clients… `);
			const r = await clients.call<{ open: number; failures: string[] }>({ type: 'open', target: to, count: size - opened }, 900_000);
			opened = size;
			await sleep(settleS * 1000);
			const now = await rss(server.pid);
			const open = await clients.call<number>({ type: 'connected' });
			const row: IdleRow = {
				server: name,
				kind,
				clients: size,
				open,
				baseMb: base / MB,
				rssMb: now / MB,
				perClientKb: (now - base) / KB / size,
				failures: r.failures.filter(Boolean)
			};
			rows.push(row);
			console.log(`${row.perClientKb.toFixed(1)} KB each (${open} open, RSS ${Math.round(row.rssMb)} MB)`);
		}
	} finally {
		await clients.stop();
		await server.stop();
	}
	return rows;
}

export async function run(options: Record<string, string> = {}): Promise<void> {
	if (options.help) {
		console.log('memory [--clients 1000,5000] [--docs 200] [--settle 5] [--source true] [--kinds socketio,yjs]');
		return;
	}
	const sizes = (options.clients ?? '1000,5000')
		.split(',')
		.map(Number)
		.sort((a, b) => a - b);
	const docs = Number(options.docs ?? 200);
	const settle = Number(options.settle ?? 5);
	const kinds = (options.kinds ?? 'socketio,yjs').split(',') as IdleTarget['kind'][];
	const starts: ServerName[] = ['rahkar', ...(options.source === 'true' ? (['rahkar-source'] as const) : []), 'socketio', 'yws'];
	pin(process.pid, GENERATOR_CORE);
	console.log(
		`memory: RSS at start, then per idle client at ${sizes.join(', ')} (${docs} documents for y-websocket); ` +
			(canPin() ? `servers on core ${SERVER_CORE}, clients on core ${GENERATOR_CORE}` : 'NOT pinned') +
			`; load average ${os
				.loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')}`
	);

	const startRows: StartRow[] = [];
	for (const name of starts) {
		process.stdout.write(`  ${titles[name]}: start… `);
		const server = await start(name);
		try {
			pin(server.pid, SERVER_CORE);
			await sleep(settle * 1000);
			const atStart = await rss(server.pid);
			await littleUse(server);
			await sleep(2000);
			const used = await rss(server.pid);
			startRows.push({ server: name, rssMb: atStart / MB, usedMb: used / MB });
			console.log(`${Math.round(atStart / MB)} MB, ${Math.round(used / MB)} MB after a little use`);
		} finally {
			await server.stop();
		}
	}

	const idleRows: IdleRow[] = [];
	for (const kind of kinds) {
		idleRows.push(...(await idle('rahkar', kind, sizes, docs, settle)));
		idleRows.push(...(await idle(kind === 'socketio' ? 'socketio' : 'yws', kind, sizes, docs, settle)));
	}

	const startOf = (name: ServerName) => startRows.find((r) => r.server === name);
	const rows: string[][] = [['what', 'Rahkar', 'reference, same run', 'aim']];
	const rahkar = startOf('rahkar')!;
	const source = startOf('rahkar-source');
	rows.push([
		'RSS after start · after a little use',
		`${Math.round(rahkar.rssMb)} · ${Math.round(rahkar.usedMb)} MB` +
			(source ? ` (tsx: ${Math.round(source.rssMb)} · ${Math.round(source.usedMb)})` : ''),
		`Socket.IO ${Math.round(startOf('socketio')!.usedMb)} MB, @y/websocket-server ${Math.round(startOf('yws')!.usedMb)} MB`,
		`≤ ${AIM.startMb} MB`
	]);
	for (const kind of kinds)
		for (const size of sizes) {
			const ours = idleRows.find((r) => r.server === 'rahkar' && r.kind === kind && r.clients === size);
			const ref = idleRows.find((r) => r.server !== 'rahkar' && r.kind === kind && r.clients === size);
			const cell = (r: IdleRow | undefined) =>
				r ? `${r.perClientKb.toFixed(1)} KB${r.open < r.clients ? ` (only ${r.open} open)` : ''}` : '–';
			rows.push([
				`RSS per idle ${kind === 'socketio' ? 'signed-in Socket.IO' : `y-websocket (${docs} docs)`} client, ${size.toLocaleString('en')}`,
				cell(ours),
				`${kind === 'socketio' ? 'bare Socket.IO' : '@y/websocket-server'} ${cell(ref)}`,
				`≤ ${kind === 'socketio' ? AIM.socketioKb : AIM.yjsKb} KB`
			]);
		}
	console.log('\n' + table(rows));
	const failures = idleRows.filter((r) => r.failures.length > 0);
	for (const r of failures) console.log(`${titles[r.server]} ${r.kind} ${r.clients}: ${r.failures.slice(0, 3).join('; ')}`);
	const file = writeResults('memory', { sizes, docs, settle, starts: startRows, idle: idleRows, loadavg: os.loadavg() });
	console.log(`\nResults: ${path.relative(process.cwd(), file)}`);
}

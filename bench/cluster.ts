// Several nodes: two Rahkar processes on one PostgreSQL database and one Redis, against one
// Rahkar process on the same PostgreSQL, under the same load, in the same run.
//
// Loads (each client BENCH_RATE small edits per second, open loop, for BENCH_SECONDS):
//   one document  BENCH_CLIENTS (500) co-editors on one document, half on each node;
//   many documents  the same clients over BENCH_DOCS (200) documents, 2–3 per document,
//                 every document with clients on both nodes (the worst case for the relay:
//                 each document is open on both nodes).
// Clients are thin writers (bench/lib/collab-writers.ts); full observers
// (bench/lib/collab-observers.ts) on both nodes time each edit's arrival, split into
// same-node pairs (observer and writer on one node) and cross-node pairs (observer on node
// A, writer on node B, and the reverse): a cross-node edit is stored by the writer's node,
// published through Redis and relayed by the observer's node. At the end a client that
// connects afresh to every document on every node checks that the nodes agree and that no
// writer's last edit is missing. The single node serves the same clients and observers.
//
// The machine has two cores: everything that serves (the node or nodes, Redis, PostgreSQL)
// is pinned to core 0 and everything that generates load to core 1 (taskset). So both
// nodes share one core, as the single node has it alone: the comparison is at equal
// hardware, and shows what the relay costs and what a cross-node edit waits for, not the
// capacity a second machine would add.
//
// Environment: BENCH_SECONDS (30), BENCH_RATE (5), BENCH_CLIENTS (500), BENCH_DOCS (200),
// BENCH_CLUSTER_LOADS (one,many), BENCH_CLUSTER_MODES (single,cluster), BENCH_OBSERVERS
// (one document: observers per node, 3), BENCH_OBSERVED_DOCS (many documents: documents
// with an observer on each node, 40), BENCH_DRAIN_SECONDS (20), BENCH_WRITERS_PER_PROCESS (250),
// BENCH_CPU_PROFILE (set: every node runs under --cpu-prof; each node's main thread is
// summarised over the window, files in bench/results/profiles/cluster-<load>-<mode>-<time>/).
import os from 'node:os';
import path from 'node:path';
import { editsPerWriter, now, type Load, type Target } from './lib/collab-protocol';
import type { CheckResult, ObserverFinal, ObserverSpec } from './lib/collab-observers';
import type { WriterStats } from './lib/collab-writers';
import { Child } from './lib/child';
import { startInfra, type Infra } from './lib/infra';
import { canPin, cpuPercent, groupCpuPercent, pin, sample, waitPercent } from './lib/proc';
import { SATURATED_CPU, SATURATED_LAG_MS, mb, ms, pct, percentile, resultsDir, table, writeResults } from './lib/report';
import { mainProfile, summarise, type ProfileSummary } from './lib/cpu-profile';
import { startRahkar, type RunningServer } from './lib/servers';

const SERVER_CORE = 0;
const GENERATOR_CORE = 1;
const SAME = 0;
const CROSS = 1;

type LoadKind = 'one' | 'many';
type Mode = 'single' | 'cluster';
const loadTitles: Record<LoadKind, string> = { one: 'one document', many: 'many documents' };
const modeTitles: Record<Mode, string> = { single: 'one node', cluster: 'two nodes' };

const env = (name: string, fallback: string) => process.env[name] || fallback;
const runStamp = new Date().toISOString().replace(/[:.]/g, '-');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** Who is where: each writer's document and side (0 = node A, 1 = node B), and each
 * observer's. With one node, both sides are that node. */
interface Layout {
	docs: number;
	writerDoc: number[];
	writerSide: number[];
	observers: { doc: number; side: number }[];
}

function layout(kind: LoadKind, clients: number, docs: number): Layout {
	// Alternate sides, so every document with two or more clients has some on each node.
	const writerSide = Array.from({ length: clients }, (_, i) => i % 2);
	if (kind === 'one') {
		const perNode = Number(env('BENCH_OBSERVERS', '3'));
		return {
			docs: 1,
			writerDoc: new Array(clients).fill(0),
			writerSide,
			observers: Array.from({ length: 2 * perNode }, (_, i) => ({ doc: 0, side: i % 2 }))
		};
	}
	// Clients dealt out in order: the first documents get one more than the rest (3 and 2
	// for 500 over 200), so a document's clients are neighbours and sit on both sides.
	const writerDoc: number[] = [];
	const base = Math.floor(clients / docs);
	const extra = clients % docs;
	for (let d = 0; d < docs; d++) for (let k = 0; k < base + (d < extra ? 1 : 0); k++) writerDoc.push(d);
	const observed = Math.min(docs, Number(env('BENCH_OBSERVED_DOCS', '40')));
	// Spread over both kinds of document (with 3 clients and with 2).
	const step = docs / observed;
	const observers: Layout['observers'] = [];
	for (let k = 0; k < observed; k++) {
		const doc = Math.floor(k * step);
		observers.push({ doc, side: 0 }, { doc, side: 1 });
	}
	return { docs, writerDoc, writerSide, observers };
}

/** Latency percentiles over a set of (edit, observer) pairs; Infinity = never arrived. */
interface Latency {
	pairs: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	undelivered: number;
}

function latencyOf(values: Float64Array): Latency {
	const sorted = values.sort();
	const firstMissing = sorted.findIndex((v) => !Number.isFinite(v));
	return {
		pairs: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted.length ? sorted[sorted.length - 1] : NaN,
		undelivered: firstMissing < 0 ? 0 : sorted.length - firstMissing
	};
}

export interface ClusterMeasurement {
	load: LoadKind;
	mode: Mode;
	clients: number;
	docs: number;
	observers: number;
	seconds: number;
	rate: number;
	pinned: boolean;
	connected: { writers: number; observers: number; failures: string[] };
	scheduled: number;
	sent: number;
	/** The worst observer's share of the edits it should hold, at the end. */
	deliveredWorst: number;
	latency: { all: Latency; same: Latency; cross: Latency | null };
	drainMs: number | null;
	timeline: number[];
	droppedWriters: { index: number; code: number; reason: string }[];
	droppedObservers: number;
	/** Observers whose copy differs from a fresh client's on their own node. */
	divergedObservers: number;
	/** Documents whose fresh copies differ between the nodes (cluster only). */
	docsNodesDisagree: number;
	/** Fresh clients that never synced. */
	checksFailed: number;
	/** Writers whose last edit is missing from a fresh copy on some node. */
	writersMissingLast: number;
	messagesPerWriterPerSecond: number;
	nodes: { cpu: number; rssPeak: number; rssEnd: number; waited: number }[];
	redisCpu: number;
	postgresCpu: number;
	/** Everything on the serving core: nodes + Redis + PostgreSQL. */
	serverCoreCpu: number;
	/** CPU time the serving side spent per 1,000 edits sent, from the window's start until
	 * every observer held every edit (or the drain gave up), in ms: what an edit costs,
	 * which waiting for a busy core does not change (unlike latency). Per node, Redis, PostgreSQL. */
	cpuMsPer1000Edits: { nodes: number[]; redis: number; postgres: number; total: number };
	generatorCpu: number;
	generatorProcesses: { name: string; cpu: number; waited: number }[];
	generatorWaited: number;
	sendLag: { p50: number; p95: number; p99: number; max: number };
	saturated: { server: boolean; generator: boolean };
	serverOutputTail?: string[];
	/** Each node's main thread over the window (BENCH_CPU_PROFILE). */
	profiles?: (ProfileSummary | null)[];
}

async function measure(
	kind: LoadKind,
	mode: Mode,
	infra: Infra,
	options: { clients: number; docs: number; seconds: number; rate: number; drainSeconds: number }
): Promise<ClusterMeasurement> {
	const load: Load = { writers: options.clients, rate: options.rate, seconds: options.seconds };
	const where = layout(kind, options.clients, options.docs);
	const perProcess = Number(env('BENCH_WRITERS_PER_PROCESS', '250'));
	const nodes: RunningServer[] = [];
	const children: Child[] = [];
	try {
		// The first node migrates and seeds the database (the first run only); the second
		// starts on it once the first is up.
		// (A REDIS_URL in the caller's environment must not turn the single node into a cluster node.)
		const nodeEnv = { REDIS_URL: mode === 'cluster' ? infra.redisUrl : undefined };
		const profileDir = (n: number) => `cluster-${kind}-${mode}-${runStamp}/node-${'AB'[n]}`;
		for (let n = 0; n < (mode === 'cluster' ? 2 : 1); n++) {
			const node = await startRahkar({
				databaseUrl: infra.databaseUrl,
				env: nodeEnv,
				cpuProfile: process.env.BENCH_CPU_PROFILE ? profileDir(n) : undefined
			});
			nodes.push(node);
			pin(node.pid, SERVER_CORE);
		}
		// Backends PostgreSQL forked for the nodes inherit its core; pin again to be sure.
		const pinned = infra.pin(SERVER_CORE) && nodes.every((n) => pin(n.pid, SERVER_CORE));
		const nodeOf = (side: number) => nodes[mode === 'cluster' ? side : 0];
		const tag = `${kind[0]}${mode[0]}${Date.now().toString(36)}`;
		const docName = (d: number) => `group.${nodes[0].groupId}.${tag}-${d}`;
		const target = (doc: number, side: number): Target => {
			const node = nodeOf(side);
			return { kind: 'rahkar', wsBase: node.wsBase, docName: docName(doc), cookie: node.cookie };
		};
		const docWriters: number[][] = Array.from({ length: where.docs }, () => []);
		where.writerDoc.forEach((d, w) => docWriters[d].push(w));

		const specs: ObserverSpec[] = where.observers.map((o) => {
			const writers = docWriters[o.doc];
			return {
				target: target(o.doc, o.side),
				writers,
				labels: writers.map((w) => (mode === 'single' || where.writerSide[w] === o.side ? SAME : CROSS))
			};
		});
		const observers = Child.start('observers', 'collab-observers.ts');
		children.push(observers);
		const writerProcs: { child: Child; indices: number[] }[] = [];
		for (let from = 0, n = 0; from < options.clients; from += perProcess, n++) {
			const indices = Array.from({ length: Math.min(perProcess, options.clients - from) }, (_, i) => from + i);
			const child = Child.start(`writers-${n}`, 'collab-writers.ts');
			children.push(child);
			writerProcs.push({ child, indices });
		}
		for (const c of children) pin(c.pid, GENERATOR_CORE);

		const { synced } = await observers.call<{ synced: number }>({ type: 'init', load, specs });
		const joined = await Promise.all(
			writerProcs.map((w) =>
				w.child.call<{ connected: number; failed: string[] }>(
					{ type: 'init', load, indices: w.indices, targets: w.indices.map((i) => target(where.writerDoc[i], where.writerSide[i])) },
					180_000
				)
			)
		);
		const connectedWriters = joined.reduce((n, j) => n + j.connected, 0);
		const failures = joined.flatMap((j) => j.failed);
		await sleep(1000);

		const t0 = now() + 1000;
		await observers.call({ type: 'start', t0 });
		await Promise.all(writerProcs.map((w) => w.child.call({ type: 'start', t0 })));
		const windowEnd = t0 + options.seconds * 1000;
		const rssPeak = nodes.map(() => 0);
		const track = setInterval(() => nodes.forEach((n, i) => (rssPeak[i] = Math.max(rssPeak[i], sample(n.pid)?.rss ?? 0))), 250);
		const sampleAll = () => ({
			nodes: nodes.map((n) => sample(n.pid)),
			redis: sample(infra.redisPid),
			postgres: infra.samplePostgres(),
			children: children.map((c) => sample(c.pid)),
			self: sample(process.pid),
			hrUs: Number(process.hrtime.bigint() / 1000n)
		});
		await sleep(t0 - now());
		const start = sampleAll();
		const stats = Promise.all(writerProcs.map((w) => w.child.call<WriterStats>({ type: 'done' }, (options.seconds + 600) * 1000)));
		await sleep(windowEnd - now());
		const end = sampleAll();
		const writerStats = await stats;
		const statsAt = now();

		const sentPerWriter: number[] = new Array(options.clients).fill(0);
		for (const s of writerStats) s.indices.forEach((index, i) => (sentPerWriter[index] = s.sent[i]));
		const sent = sentPerWriter.reduce((a, b) => a + b, 0);
		const expected = specs.map((s) => s.writers!.reduce((n, w) => n + sentPerWriter[w], 0));

		const drainUntil = now() + options.drainSeconds * 1000;
		let drainMs: number | null = null;
		for (;;) {
			const delivered = await observers.call<number[]>({ type: 'progress' });
			if (delivered.every((d, i) => d >= expected[i])) {
				drainMs = Math.max(0, now() - windowEnd);
				break;
			}
			if (now() > drainUntil) break;
			await sleep(100);
		}
		clearInterval(track);
		const drained = sampleAll();
		const rssEnd = nodes.map((n) => sample(n.pid)?.rss ?? 0);
		const final = await observers.call<ObserverFinal>({ type: 'final', sent: sentPerWriter }, 120_000);

		// Every document, afresh, on every node.
		const sides = mode === 'cluster' ? [0, 1] : [0];
		const checkSpecs = sides.flatMap((side) => docWriters.map((writers, d) => ({ target: target(d, side), writers, doc: d, side })));
		const checks = await observers.call<(CheckResult | null)[]>(
			{ type: 'check', specs: checkSpecs.map(({ target, writers }) => ({ target, writers })), sent: sentPerWriter },
			600_000
		);
		const checkOf = (doc: number, side: number) => checks[checkSpecs.findIndex((c) => c.doc === doc && c.side === side)];
		let docsNodesDisagree = 0;
		if (mode === 'cluster') {
			for (let d = 0; d < where.docs; d++) {
				const [a, b] = [checkOf(d, 0), checkOf(d, 1)];
				if (!a || !b || a.hash !== b.hash) docsNodesDisagree++;
			}
		}
		const missing = new Set(checks.flatMap((c) => c?.missingWriters ?? []));
		const divergedObservers = final.observers.filter((o, i) => {
			const c = checkOf(where.observers[i].doc, mode === 'cluster' ? where.observers[i].side : 0);
			return !c || c.hash !== o.hash;
		}).length;

		const generatorProcesses = [
			...children.map((c, i) => ({
				name: c.name,
				cpu: cpuPercent(start.children[i], end.children[i]),
				waited: waitPercent(start.children[i], end.children[i])
			})),
			{ name: 'runner', cpu: cpuPercent(start.self, end.self), waited: waitPercent(start.self, end.self) }
		];
		const generatorCpu = generatorProcesses.reduce((n, p) => n + (Number.isNaN(p.cpu) ? 0 : p.cpu), 0);
		const worstLag = (key: 'p50' | 'p95' | 'p99' | 'max') => Math.max(...writerStats.map((s) => s.lag[key]));
		const sendLag = { p50: worstLag('p50'), p95: worstLag('p95'), p99: worstLag('p99'), max: worstLag('max') };
		const nodeStats = nodes.map((_, i) => ({
			cpu: cpuPercent(start.nodes[i], end.nodes[i]),
			rssPeak: rssPeak[i],
			rssEnd: rssEnd[i],
			waited: waitPercent(start.nodes[i], end.nodes[i])
		}));
		const redisCpu = cpuPercent(start.redis, end.redis);
		const postgresCpu = groupCpuPercent(start.postgres, end.postgres);
		const serverCoreCpu = [...nodeStats.map((n) => n.cpu), redisCpu, postgresCpu].reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0);
		const costMs = (percent: number, a: { at: number } | null | undefined, b: { at: number } | null | undefined) =>
			a && b ? (((percent * (b.at - a.at)) / 100) * 1000) / Math.max(1, sent) : NaN;
		const pgAt = (g: typeof start.postgres) => g.get(infra.postgresPid) ?? null;
		const cost = {
			nodes: nodes.map((_, i) => costMs(cpuPercent(start.nodes[i], drained.nodes[i]), start.nodes[i], drained.nodes[i])),
			redis: costMs(cpuPercent(start.redis, drained.redis), start.redis, drained.redis),
			postgres: costMs(groupCpuPercent(start.postgres, drained.postgres), pgAt(start.postgres), pgAt(drained.postgres))
		};
		const cpuMsPer1000Edits = {
			...cost,
			total: [...cost.nodes, cost.redis, cost.postgres].reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0)
		};
		const droppedWriters = writerStats.flatMap((s) => s.closed);
		const messagesIn = writerStats.reduce((n, s) => n + s.messagesIn, 0);
		const measurement: ClusterMeasurement = {
			load: kind,
			mode,
			clients: options.clients,
			docs: where.docs,
			observers: specs.length,
			seconds: options.seconds,
			rate: options.rate,
			pinned,
			connected: { writers: connectedWriters, observers: synced, failures: failures.slice(0, 10) },
			scheduled: options.clients * editsPerWriter(load),
			sent,
			deliveredWorst: Math.min(...final.observers.map((o, i) => (expected[i] ? o.delivered / expected[i] : 1))),
			latency: {
				all: latencyOf(final.latencies),
				same: latencyOf(final.byLabel[SAME] ?? new Float64Array()),
				cross: mode === 'cluster' ? latencyOf(final.byLabel[CROSS] ?? new Float64Array()) : null
			},
			drainMs,
			timeline: final.timeline.map((v) => Math.round(v)),
			droppedWriters,
			droppedObservers: final.observers.filter((o) => o.drops > 0).length,
			divergedObservers,
			docsNodesDisagree,
			checksFailed: checks.filter((c) => !c).length,
			writersMissingLast: missing.size,
			messagesPerWriterPerSecond: messagesIn / options.clients / ((statsAt - t0) / 1000),
			nodes: nodeStats,
			redisCpu,
			postgresCpu,
			serverCoreCpu,
			cpuMsPer1000Edits,
			generatorCpu,
			generatorProcesses,
			generatorWaited: Math.max(...generatorProcesses.map((p) => (Number.isNaN(p.waited) ? 0 : p.waited))),
			sendLag,
			saturated: { server: serverCoreCpu >= SATURATED_CPU, generator: generatorCpu >= SATURATED_CPU || sendLag.p95 > SATURATED_LAG_MS },
			serverOutputTail:
				droppedWriters.length > 0 || missing.size > 0 || docsNodesDisagree > 0 ? nodes.map((n) => n.output().slice(-2000)) : undefined
		};
		if (process.env.BENCH_CPU_PROFILE) {
			await Promise.all(children.map((c) => c.stop()));
			await Promise.all(nodes.map((n) => n.stop())); // profiles are written as the nodes exit
			measurement.profiles = nodes.map((_, n) => {
				const file = mainProfile(path.join(resultsDir, 'profiles', profileDir(n)));
				return file ? summarise(file, start.hrUs, end.hrUs) : null;
			});
		}
		return measurement;
	} finally {
		await Promise.all(children.map((c) => c.stop()));
		await Promise.all(nodes.map((n) => n.stop()));
	}
}

/** As in the collab scenario: the latencies measure the servers when the generator kept
 * up, or fell behind by far less than the latency it measured on a saturated server. */
const serverFigure = (m: ClusterMeasurement) => !m.saturated.generator || (m.saturated.server && m.sendLag.p95 * 10 < m.latency.all.p95);

/** What limited the run, in a few words: the serving core, the generator (its own CPU,
 * or other processes keeping it off its core), or neither. */
function verdict(m: ClusterMeasurement): string {
	const parts: string[] = [];
	if (m.saturated.server) parts.push('serving core');
	if (m.saturated.generator) parts.push(m.generatorCpu < SATURATED_CPU && m.generatorWaited > 10 ? 'generator (starved)' : 'generator');
	return parts.join(' + ') || 'neither';
}

/** The most a node's main thread waited for its core (other processes), percent. */
const nodeWaited = (m: ClusterMeasurement) => Math.max(...m.nodes.map((n) => (Number.isNaN(n.waited) ? 0 : n.waited)));

function tableFor(rows: ClusterMeasurement[], drainSeconds: number): string {
	const beyond = (rows[0].seconds + drainSeconds) * 1000;
	const line = (label: string, f: (m: ClusterMeasurement) => string) => [label, ...rows.map(f)];
	const lat = (m: ClusterMeasurement, which: 'same' | 'cross', key: 'p50' | 'p95' | 'p99') => {
		const l = m.latency[which];
		return l && l.pairs > 0 ? ms(l[key], beyond) : '–';
	};
	const byNode = (m: ClusterMeasurement, f: (n: ClusterMeasurement['nodes'][number]) => string) => m.nodes.map(f).join(' / ');
	return table([
		['', ...rows.map((m) => `${m.load === 'one' ? '1 doc' : `${m.docs} docs`}, ${modeTitles[m.mode]}`)],
		line('same-node latency p50', (m) => lat(m, 'same', 'p50')),
		line('same-node latency p95', (m) => lat(m, 'same', 'p95')),
		line('same-node latency p99', (m) => lat(m, 'same', 'p99')),
		line('cross-node latency p50', (m) => lat(m, 'cross', 'p50')),
		line('cross-node latency p95', (m) => lat(m, 'cross', 'p95')),
		line('cross-node latency p99', (m) => lat(m, 'cross', 'p99')),
		line('edits sent / scheduled', (m) => `${m.sent} / ${m.scheduled}`),
		line('delivered (worst observer)', (m) => `${(100 * m.deliveredWorst).toFixed(1)}%`),
		line('all delivered after window', (m) => (m.drainMs === null ? `no (waited ${drainSeconds} s)` : ms(m.drainMs))),
		line('messages/s into each writer', (m) => m.messagesPerWriterPerSecond.toFixed(1)),
		line('dropped writers / observers', (m) => `${m.droppedWriters.length + (m.clients - m.connected.writers)} / ${m.droppedObservers}`),
		line(
			'diverged: observers / docs A≠B',
			(m) => `${m.divergedObservers} of ${m.observers} / ${m.mode === 'cluster' ? `${m.docsNodesDisagree} of ${m.docs}` : '–'}`
		),
		line(
			'writers missing last edit',
			(m) => `${m.writersMissingLast}${m.checksFailed ? ` (${m.checksFailed} fresh clients did not sync)` : ''}`
		),
		line('node CPU (A / B)', (m) => byNode(m, (n) => pct(n.cpu))),
		line('node RSS peak (A / B)', (m) => byNode(m, (n) => mb(n.rssPeak))),
		line('Redis CPU', (m) => pct(m.redisCpu)),
		line('PostgreSQL CPU', (m) => pct(m.postgresCpu)),
		line('serving core in all', (m) => pct(m.serverCoreCpu)),
		line('serving CPU per 1,000 edits', (m) => ms(m.cpuMsPer1000Edits.total)),
		line('  of which nodes (A / B)', (m) => m.cpuMsPer1000Edits.nodes.map((v) => ms(v)).join(' / ')),
		line('  of which Redis / PostgreSQL', (m) => `${ms(m.cpuMsPer1000Edits.redis)} / ${ms(m.cpuMsPer1000Edits.postgres)}`),
		line('generator CPU', (m) => pct(m.generatorCpu)),
		line('send lag p95 (generator)', (m) => ms(m.sendLag.p95)),
		line('waited for a core: nodes / gen', (m) => `${byNode(m, (n) => pct(n.waited))} / ${pct(m.generatorWaited)}`),
		line('saturated', verdict),
		line('a server figure', (m) => (serverFigure(m) ? (nodeWaited(m) > 20 ? 'yes, but starved' : 'yes') : 'NO'))
	]);
}

function printProfile(m: ClusterMeasurement, node: number, p: ProfileSummary): void {
	console.log(
		`CPU profile of node ${'AB'[node]}'s main thread, ${loadTitles[m.load]}, ${modeTitles[m.mode]}, over the window (${p.sampledMs} ms sampled):`
	);
	console.log(
		'  by component: ' +
			Object.entries(p.components)
				.sort((a, b) => b[1] - a[1])
				.map(([k, v]) => `${k} ${v}%`)
				.join(', ')
	);
	console.log(table([['  self time', '%'], ...p.self.slice(0, 12).map((f) => [`  ${f.frame}`, String(f.percent)])]));
	console.log(`  (${path.relative(process.cwd(), p.file)})\n`);
}

export async function run(): Promise<void> {
	const seconds = Number(env('BENCH_SECONDS', '30'));
	const rate = Number(env('BENCH_RATE', '5'));
	const drainSeconds = Number(env('BENCH_DRAIN_SECONDS', '20'));
	const clients = Number(env('BENCH_CLIENTS', '500'));
	const docs = Number(env('BENCH_DOCS', '200'));
	const loads = env('BENCH_CLUSTER_LOADS', 'one,many').split(',') as LoadKind[];
	const modes = env('BENCH_CLUSTER_MODES', 'single,cluster').split(',') as Mode[];
	for (const l of loads) if (!(l in loadTitles)) throw new Error(`unknown load "${l}" (one, many)`);
	for (const m of modes) if (!(m in modeTitles)) throw new Error(`unknown mode "${m}" (single, cluster)`);
	const cores = os.availableParallelism(); // before pinning narrows it to one
	const pinned = pin(process.pid, GENERATOR_CORE);
	console.log(
		`cluster: ${clients} clients × ${rate} edits/s for ${seconds} s, on one document and on ${docs}; ${modes.map((m) => modeTitles[m]).join(' and ')} on PostgreSQL` +
			(modes.includes('cluster') ? ' (+ Redis for two)' : '') +
			'; ' +
			(pinned
				? `nodes, Redis and PostgreSQL on core ${SERVER_CORE}, generator on core ${GENERATOR_CORE}`
				: `NOT pinned (${canPin() ? 'taskset failed' : 'no taskset or one core'})`) +
			`; ${cores} cores, load average ${os
				.loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')}`
	);
	const infra = await startInfra();
	// pg_ctl runs PostgreSQL outside our process group: stop it on Ctrl-C too.
	const interrupted = () => void infra.stop().finally(() => process.exit(130));
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	infra.pin(SERVER_CORE);
	const results: ClusterMeasurement[] = [];
	const errors: { load: LoadKind; mode: Mode; error: string }[] = [];
	try {
		for (const kind of loads) {
			for (const mode of modes) {
				process.stdout.write(`  ${loadTitles[kind]}, ${modeTitles[mode]}… `);
				try {
					const m = await measure(kind, mode, infra, { clients, docs, seconds, rate, drainSeconds });
					results.push(m);
					console.log(
						`p95 ${ms(m.latency.same.p95)} same-node${m.latency.cross ? `, ${ms(m.latency.cross.p95)} cross-node` : ''}; ` +
							`serving core ${pct(m.serverCoreCpu)}, generator ${pct(m.generatorCpu)}`
					);
				} catch (error) {
					errors.push({ load: kind, mode, error: String((error as Error).stack ?? error) });
					console.log(`FAILED: ${(error as Error).message}`);
				}
			}
		}
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		await infra.stop();
	}
	if (results.length > 0) {
		const observed = (m: ClusterMeasurement) =>
			m.load === 'one' ? `${m.observers} observers` : `${m.observers} observers on ${m.observers / 2} documents`;
		console.log(
			`\n${clients} clients (thin writers), ${rate} edits/s each, ${seconds} s window; ` +
				[...new Set(results.map((m) => `${m.load === 'one' ? '1 doc' : `${m.docs} docs`}: ${observed(m)}`))].join('; ') +
				':'
		);
		console.log(tableFor(results, drainSeconds) + '\n');
		for (const m of results) m.profiles?.forEach((p, n) => p && printProfile(m, n, p));
	}
	if (results.some((m) => !serverFigure(m)))
		console.log('"a server figure: NO": the generator fell behind, so those latencies measure it, not the servers.');
	if (results.some((m) => serverFigure(m) && nodeWaited(m) > 20))
		console.log(
			'"yes, but starved": a node was runnable but kept off its core for over 20% of the window ("waited for a core"): by the\n' +
				"machine's other work, or on the shared serving core by the other node, Redis and PostgreSQL; its latencies include that wait."
		);
	console.log(
		'Latency is from the scheduled send time to arrival at a full observer. Same-node: observer and writer on one node (with one node,\n' +
			'every pair); cross-node: on different nodes, each edit stored by its writer’s node, published through Redis, relayed by the\n' +
			'observer’s. Undelivered edits count as infinitely late. Nodes, Redis and PostgreSQL share one core, so two nodes get no more CPU\n' +
			'than one. "waited for a core" is time runnable but kept off the core by other processes. "Serving CPU per 1,000 edits" is\n' +
			"counted from the window's start until every observer held every edit, so a backlog served late is included: on a busy\n" +
			'machine it is the steadiest figure for what the relay costs.'
	);
	const file = writeResults('cluster', {
		when: new Date().toISOString(),
		loadavg: os.loadavg(),
		pinned,
		seconds,
		rate,
		drainSeconds,
		clients,
		docs,
		results,
		errors
	});
	console.log(`results: ${path.relative(process.cwd(), file)}`);
}

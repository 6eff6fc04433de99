// Live-meeting scenario: many co-editors on one Yjs document, against Rahkar's collab
// server and two references (@y/websocket-server 0.1.1, Hocuspocus 3.4), each started in
// its own process one after another, under the same load.
//
// Load: N thin writers (bench/lib/collab-writers.ts), each 5 small edits per second,
// appended at the end of its own run of text, on an open-loop schedule. A few full stock
// clients (bench/lib/collab-observers.ts) measure when each edit arrives and check
// convergence against a client that connects after the run. The server is pinned to core
// 0 and every load-generating process to core 1 (taskset), so server and generator CPU
// can be read apart; a figure measured while the generator was saturated is labelled so.
//
// Environment: BENCH_SECONDS (30), BENCH_CLIENTS (50,200,500), BENCH_SERVERS
// (rahkar,yws,hocuspocus), BENCH_RATE (5 edits/s), BENCH_OBSERVERS (10 at ≤50 writers,
// else 5), BENCH_DRAIN_SECONDS (20: how long to wait for late edits after the window),
// BENCH_WRITERS_PER_PROCESS (250), BENCH_CPU_PROFILE ("all", or the server kinds to run
// under --cpu-prof; the profile is cut to the window and summarised, the .cpuprofile files
// go to bench/results/profiles/<kind>-<N>-<time>/). Profile all servers or none when
// comparing: on a contended machine a profiled process gets a larger share of its core.
import os from 'node:os';
import path from 'node:path';
import { editsPerWriter, now, serverTitles, type Load, type ServerKind, type Target } from './lib/collab-protocol';
import type { ObserverFinal } from './lib/collab-observers';
import type { WriterStats } from './lib/collab-writers';
import { Child } from './lib/child';
import { canPin, cpuPercent, pin, sample, waitPercent } from './lib/proc';
import { mainProfile, printProfile, summarise, type ProfileSummary } from './lib/cpu-profile';
import { SATURATED_CPU, SATURATED_LAG_MS, mb, ms, pct, percentile, resultsDir, table, writeResults } from './lib/report';
import { startServer, type RunningServer } from './lib/servers';

const SERVER_CORE = 0;
const GENERATOR_CORE = 1;

const env = (name: string, fallback: string) => process.env[name] || fallback;

/** Whether a server runs under --cpu-prof (BENCH_CPU_PROFILE: all, or a list of kinds). */
const profiled = (kind: ServerKind) => {
	const list = env('BENCH_CPU_PROFILE', '').split(',');
	return list.includes('all') || list.includes(kind);
};

export interface Measurement {
	server: ServerKind;
	writers: number;
	observers: number;
	seconds: number;
	rate: number;
	pinned: boolean;
	connected: { writers: number; observers: number; failures: string[] };
	scheduled: number;
	sent: number;
	/** Edits each observer holds at the end (after the drain). */
	delivered: number[];
	/** Latency over every sent edit at every observer (ms; Infinity = never arrived). */
	latency: { p50: number; p95: number; p99: number; max: number; undelivered: number };
	/** How long after the window the last edit arrived everywhere, or null if it never did. */
	drainMs: number | null;
	/** Worst latency per TIMELINE_MS slice of the window, by scheduled send time (ms). */
	timeline: number[];
	droppedWriters: { index: number; code: number; reason: string }[];
	droppedObservers: number;
	divergedObservers: number;
	fresh: ObserverFinal['fresh'];
	/** Messages each writer received per second while sending, on average: how many
	 * separate relays the server made (one per edit means no coalescing). */
	messagesPerWriterPerSecond: number;
	serverCpu: number;
	serverRssPeak: number;
	serverRssEnd: number;
	generatorCpu: number;
	generatorProcesses: { name: string; cpu: number; waited: number }[];
	/** Share of the window the server's main thread waited for its core (other processes). */
	serverWaited: number;
	/** The same for the generator's busiest waiting process. */
	generatorWaited: number;
	sendLag: { p50: number; p95: number; p99: number; max: number };
	saturated: { server: boolean; generator: boolean };
	/** The measured window on the process.hrtime clock (µs), to cut CPU profiles to it. */
	windowUs: [number, number];
	profile?: ProfileSummary;
	serverOutputTail?: string;
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function measure(
	kind: ServerKind,
	writers: number,
	options: { seconds: number; rate: number; drainSeconds: number }
): Promise<Measurement> {
	const load: Load = { writers, rate: options.rate, seconds: options.seconds };
	const observerCount = Number(env('BENCH_OBSERVERS', writers <= 50 ? '10' : '5'));
	const perProcess = Number(env('BENCH_WRITERS_PER_PROCESS', '250'));
	const profileName = profiled(kind) ? `${kind}-${writers}-${Date.now()}` : undefined;
	const server: RunningServer = await startServer(kind, { cpuProfile: profileName });
	const pinned = pin(server.pid, SERVER_CORE);
	const target: Target = {
		kind,
		wsBase: server.wsBase,
		docName: kind === 'rahkar' ? `group.${server.groupId}.bench-${writers}` : `bench-${writers}`,
		cookie: server.cookie
	};
	const children: Child[] = [];
	try {
		const observers = Child.start('observers', 'collab-observers.ts');
		children.push(observers);
		const writerProcs: { child: Child; indices: number[] }[] = [];
		for (let from = 0, n = 0; from < writers; from += perProcess, n++) {
			const indices = Array.from({ length: Math.min(perProcess, writers - from) }, (_, i) => from + i);
			const child = Child.start(`writers-${n}`, 'collab-writers.ts');
			children.push(child);
			writerProcs.push({ child, indices });
		}
		for (const c of children) pin(c.pid, GENERATOR_CORE);

		const { synced } = await observers.call<{ synced: number }>({ type: 'init', target, load, count: observerCount });
		const joined = await Promise.all(
			writerProcs.map((w) =>
				w.child.call<{ connected: number; failed: string[] }>({ type: 'init', target, load, indices: w.indices }, 180_000)
			)
		);
		const connectedWriters = joined.reduce((n, j) => n + j.connected, 0);
		const failures = joined.flatMap((j) => j.failed);
		// Let connection-time work (handshakes, awareness) settle before the window opens.
		await sleep(1000);

		const t0 = now() + 1000;
		await observers.call({ type: 'start', t0 });
		await Promise.all(writerProcs.map((w) => w.child.call({ type: 'start', t0 })));

		const windowEnd = t0 + options.seconds * 1000;
		let rssPeak = 0;
		const track = setInterval(() => (rssPeak = Math.max(rssPeak, sample(server.pid)?.rss ?? 0)), 250);
		const sampleAll = () => ({
			server: sample(server.pid),
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
		const statsAt = now(); // writers counted what they received until they finished sending

		const sentPerWriter: number[] = new Array(writers).fill(0);
		for (const s of writerStats) s.indices.forEach((index, i) => (sentPerWriter[index] = s.sent[i]));
		const sent = sentPerWriter.reduce((a, b) => a + b, 0);

		// Drain: wait for edits still in flight, up to the limit.
		const drainUntil = now() + options.drainSeconds * 1000;
		let drainMs: number | null = null;
		for (;;) {
			const delivered = await observers.call<number[]>({ type: 'progress' });
			if (delivered.every((d) => d >= sent)) {
				drainMs = Math.max(0, now() - windowEnd);
				break;
			}
			if (now() > drainUntil) break;
			await sleep(100);
		}
		clearInterval(track);
		const serverRssEnd = sample(server.pid)?.rss ?? 0;
		const final = await observers.call<ObserverFinal>({ type: 'final', sent: sentPerWriter }, 120_000);

		const sorted = final.latencies.sort();
		const firstMissing = sorted.findIndex((v) => !Number.isFinite(v));
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
		const serverCpu = cpuPercent(start.server, end.server);
		const messagesIn = writerStats.reduce((n, s) => n + s.messagesIn, 0);
		const droppedWriters = writerStats.flatMap((s) => s.closed);
		const measurement: Measurement = {
			server: kind,
			writers,
			observers: observerCount,
			seconds: options.seconds,
			rate: options.rate,
			pinned,
			connected: { writers: connectedWriters, observers: synced, failures: failures.slice(0, 10) },
			scheduled: writers * editsPerWriter(load),
			sent,
			delivered: final.observers.map((o) => o.delivered),
			latency: {
				p50: percentile(sorted, 50),
				p95: percentile(sorted, 95),
				p99: percentile(sorted, 99),
				max: sorted.length ? sorted[sorted.length - 1] : NaN,
				undelivered: firstMissing < 0 ? 0 : sorted.length - firstMissing
			},
			drainMs,
			timeline: final.timeline.map((v) => Math.round(v)),
			droppedWriters,
			droppedObservers: final.observers.filter((o) => o.drops > 0).length,
			divergedObservers: final.fresh ? final.observers.filter((o) => o.hash !== final.fresh!.hash).length : final.observers.length,
			fresh: final.fresh,
			messagesPerWriterPerSecond: messagesIn / writers / ((statsAt - t0) / 1000),
			serverCpu,
			serverRssPeak: rssPeak,
			serverRssEnd,
			generatorCpu,
			generatorProcesses,
			serverWaited: waitPercent(start.server, end.server),
			generatorWaited: Math.max(...generatorProcesses.map((p) => (Number.isNaN(p.waited) ? 0 : p.waited))),
			sendLag,
			saturated: { server: serverCpu >= SATURATED_CPU, generator: generatorCpu >= SATURATED_CPU || sendLag.p95 > SATURATED_LAG_MS },
			windowUs: [start.hrUs, end.hrUs],
			serverOutputTail: droppedWriters.length > 0 ? server.output().slice(-2000) : undefined
		};
		await Promise.all(children.map((c) => c.stop()));
		await server.stop(); // the profile is written as the server exits
		if (profileName) {
			const file = mainProfile(path.join(resultsDir, 'profiles', profileName));
			if (file) measurement.profile = summarise(file, start.hrUs, end.hrUs);
		}
		return measurement;
	} finally {
		await Promise.all(children.map((c) => c.stop()));
		await server.stop();
	}
}

function printMeasurementProfile(m: Measurement): void {
	printProfile(`${serverTitles[m.server]}'s main thread, ${m.writers} co-editors, over the window`, m.profile!);
}

/** True when the latencies measure the server: the generator kept up, or it fell behind
 * by far less than the latency it measured while the server was saturated. */
const serverFigure = (m: Measurement) => !m.saturated.generator || (m.saturated.server && m.sendLag.p95 * 10 < m.latency.p95);

function verdict(m: Measurement): string {
	const parts: string[] = [];
	if (m.saturated.server) parts.push('server');
	if (m.saturated.generator) {
		// A generator that fell behind while using little CPU was kept off its core by others.
		const starved = m.generatorCpu < SATURATED_CPU && m.generatorWaited > 10;
		parts.push(starved ? 'generator (starved by other processes)' : 'generator');
	}
	if (parts.length === 0) parts.push('neither');
	if (!m.saturated.server && m.serverWaited > 20) parts.push(`server kept off its core ${pct(m.serverWaited)} of the time`);
	if (!serverFigure(m)) parts.push('NOT a server figure');
	else if (m.saturated.generator) parts.push('server-bound: generator lag small beside latency');
	return parts.join('; ');
}

function tableFor(rows: Measurement[], drainSeconds: number): string {
	const beyond = (rows[0].seconds + drainSeconds) * 1000;
	const line = (label: string, f: (m: Measurement) => string) => [label, ...rows.map(f)];
	return table([
		['', ...rows.map((m) => serverTitles[m.server] + (m.profile ? ' (profiled)' : ''))],
		line('latency p50', (m) => ms(m.latency.p50, beyond)),
		line('latency p95', (m) => ms(m.latency.p95, beyond)),
		line('latency p99', (m) => ms(m.latency.p99, beyond)),
		line('edits sent / scheduled', (m) => `${m.sent} / ${m.scheduled}`),
		line(
			'delivered (worst observer)',
			(m) => `${Math.min(...m.delivered)} (${((100 * Math.min(...m.delivered)) / Math.max(1, m.sent)).toFixed(1)}%)`
		),
		line('all delivered after window', (m) => (m.drainMs === null ? `no (waited ${drainSeconds} s)` : ms(m.drainMs))),
		line('messages/s into each writer', (m) => m.messagesPerWriterPerSecond.toFixed(0)),
		line('dropped writers / observers', (m) => `${m.droppedWriters.length + (m.writers - m.connected.writers)} / ${m.droppedObservers}`),
		line('observers ≠ fresh client at end', (m) => `${m.divergedObservers} of ${m.observers}`),
		line('writers missing last edit', (m) => (m.fresh ? String(m.fresh.missingLast) : 'fresh client did not sync')),
		line('server CPU (one core)', (m) => pct(m.serverCpu)),
		line('server RSS peak / end', (m) => `${mb(m.serverRssPeak)} / ${mb(m.serverRssEnd)}`),
		line('generator CPU (one core)', (m) => pct(m.generatorCpu)),
		line('send lag p95 (generator)', (m) => ms(m.sendLag.p95)),
		line('waited for a core: server / gen', (m) => `${pct(m.serverWaited)} / ${pct(m.generatorWaited)}`),
		line('saturated', verdict)
	]);
}

function aim(results: Measurement[]): string[] {
	const top = Math.max(...results.map((m) => m.writers));
	const at = results.filter((m) => m.writers === top);
	const ours = at.find((m) => m.server === 'rahkar');
	if (!ours) return [];
	const lines = [`Aim (issue 4): p95 < 100 ms at 500 co-editors on two cores, no divergence, ahead of both references.`];
	if (top < 500) lines.push(`  Not judged: this run went up to ${top} co-editors only.`);
	const ok = (b: boolean) => (b ? 'yes' : 'NO');
	const refs = at.filter((m) => m.server !== 'rahkar');
	lines.push(`  At ${top}: Rahkar p95 ${ms(ours.latency.p95)} < 100 ms: ${ok(ours.latency.p95 < 100)}`);
	const clean = ours.divergedObservers === 0 && (ours.fresh?.missingLast ?? 1) === 0 && ours.droppedWriters.length === 0;
	lines.push(`  No divergence, no writer's last edit missing, no writer dropped: ${ok(clean)}`);
	for (const r of refs)
		lines.push(`  Ahead of ${serverTitles[r.server]} (p95 ${ms(r.latency.p95)}): ${ok(ours.latency.p95 < r.latency.p95)}`);
	if (!serverFigure(ours)) lines.push(`  CAUTION: the generator fell behind during Rahkar's run, so its figure is not a server figure.`);
	return lines;
}

export async function run(): Promise<void> {
	const seconds = Number(env('BENCH_SECONDS', '30'));
	const rate = Number(env('BENCH_RATE', '5'));
	const drainSeconds = Number(env('BENCH_DRAIN_SECONDS', '20'));
	const counts = env('BENCH_CLIENTS', '50,200,500').split(',').map(Number);
	const kinds = env('BENCH_SERVERS', 'rahkar,yws,hocuspocus').split(',') as ServerKind[];
	for (const k of kinds) if (!(k in serverTitles)) throw new Error(`unknown server "${k}" (rahkar, yws, hocuspocus)`);
	const cores = os.availableParallelism();
	// The runner generates load too (it hosts nothing heavy, but keep it off the server's core).
	const pinned = pin(process.pid, GENERATOR_CORE);
	console.log(
		`collab: ${counts.join(', ')} co-editors × ${rate} edits/s for ${seconds} s against ${kinds.map((k) => serverTitles[k]).join(', ')}; ` +
			(pinned
				? `server on core ${SERVER_CORE}, generator on core ${GENERATOR_CORE}`
				: `NOT pinned (${canPin() ? 'taskset failed' : 'no taskset or one core'})`) +
			`; ${cores} cores, load average ${os
				.loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')}`
	);
	if (kinds.some(profiled) && !kinds.every(profiled))
		console.log(
			'CAUTION: only some servers are profiled. On a contended machine a process under --cpu-prof was measured to get far more\n' +
				'of its core than one without (70–80% against 25–35%), so compare only columns with the same setting (BENCH_CPU_PROFILE=all).'
		);
	const results: Measurement[] = [];
	const errors: { server: ServerKind; writers: number; error: string }[] = [];
	for (const writers of counts) {
		const rows: Measurement[] = [];
		for (const kind of kinds) {
			process.stdout.write(`  ${serverTitles[kind]}, ${writers} co-editors… `);
			try {
				const m = await measure(kind, writers, { seconds, rate, drainSeconds });
				rows.push(m);
				results.push(m);
				console.log(
					`p95 ${ms(m.latency.p95, (seconds + drainSeconds) * 1000)}, server CPU ${pct(m.serverCpu)}, generator CPU ${pct(m.generatorCpu)}`
				);
			} catch (error) {
				errors.push({ server: kind, writers, error: String((error as Error).stack ?? error) });
				console.log(`FAILED: ${(error as Error).message}`);
			}
		}
		if (rows.length === 0) continue;
		const observers = rows[0].observers;
		console.log(`\n${writers} co-editors (thin writers) + ${observers} observers, ${rate} edits/s each, ${seconds} s window:`);
		console.log(tableFor(rows, drainSeconds) + '\n');
		for (const m of rows) if (m.profile) printMeasurementProfile(m);
	}
	for (const line of aim(results)) console.log(line);
	if (results.some((m) => !serverFigure(m)))
		console.log('Where a column says "NOT a server figure", the generator fell behind and the latencies measure it, not the server.');
	console.log(
		'Writers are thin (no document); latency is from the scheduled send time to arrival at a full observer, over every edit and observer;\n' +
			'undelivered edits count as infinitely late. "waited for a core" is time runnable but kept off the core (other processes).'
	);
	const file = writeResults('collab', {
		when: new Date().toISOString(),
		loadavg: os.loadavg(),
		pinned,
		seconds,
		rate,
		drainSeconds,
		results,
		errors
	});
	console.log(`results: ${path.relative(process.cwd(), file)}`);
}

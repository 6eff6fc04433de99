// Summarises a V8 .cpuprofile (node --cpu-prof) over a time window: where the server's
// main thread spent the measured seconds, by function and by component.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { table } from './report';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	file: string;
	/** Sampled time inside the window, ms. */
	sampledMs: number;
	/** Share of the window by component (self time), percent. */
	components: Record<string, number>;
	/** Functions by self time, percent of the window. */
	self: { frame: string; percent: number }[];
	/** Functions by inclusive time (the function and what it called), percent. */
	inclusive: { frame: string; percent: number }[];
}

/** The main thread's profile in a --cpu-prof-dir: the largest file (tsx's loader thread
 * writes a small one beside it). */
export function mainProfile(dir: string): string | null {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.cpuprofile'))
		.map((f) => path.join(dir, f));
	return files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

const frameName = (n: ProfileNode) => {
	const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared)\//, '$1/');
	return `${n.callFrame.functionName || '(anonymous)'}${url ? ` ${url}:${n.callFrame.lineNumber + 1}` : ''}`;
};

function component(n: ProfileNode): string {
	const { url, functionName } = n.callFrame;
	if (functionName === '(idle)') return 'idle';
	if (functionName === '(garbage collector)') return 'garbage collection';
	if (/@prisma|better-sqlite3|query_compiler|^wasm:|node_modules\/(pg|pg-protocol|pg-pool)\//.test(url))
		return 'database (Prisma, SQLite, pg)';
	if (/node_modules\/(ioredis|@socket\.io\/redis-adapter|redis-parser)\//.test(url)) return 'Redis (ioredis)';
	if (/node_modules\/(yjs|lib0|y-protocols)\//.test(url)) return 'Yjs';
	if (/node_modules\/ws\//.test(url)) return 'ws library';
	if (/\/(server|shared)\//.test(url) && !url.includes('node_modules')) return 'Rahkar code';
	if (url === '' && /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(functionName)) return 'socket writes (syscall)';
	if (url === '' && /^(read|onStreamRead)$/.test(functionName)) return 'socket reads';
	if (url.startsWith('node:') || url === '') return 'Node internals';
	return 'other libraries';
}

/** Summarises samples taken between fromUs and toUs (process.hrtime clock, microseconds). */
export function summarise(file: string, fromUs: number, toUs: number, top = 40): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfTime = new Map<number, number>();
	let t = profile.startTime;
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i] ?? 0;
		if (t < fromUs || t > toUs) continue;
		const dt = profile.timeDeltas[i + 1] ?? 0;
		selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) ?? 0) + dt);
		total += dt;
	}
	const self = new Map<string, number>();
	const inclusive = new Map<string, number>();
	const components: Record<string, number> = {};
	for (const [id, dt] of selfTime) {
		const node = byId.get(id)!;
		self.set(frameName(node), (self.get(frameName(node)) ?? 0) + dt);
		components[component(node)] = (components[component(node)] ?? 0) + dt;
		const seen = new Set<string>();
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
			const name = frameName(byId.get(cur)!);
			if (seen.has(name)) continue;
			seen.add(name);
			inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
		}
	}
	const percent = (v: number) => Math.round((1000 * v) / Math.max(1, total)) / 10;
	const ranked = (m: Map<string, number>) =>
		[...m]
			.filter(([frame]) => !/^\((root|program|idle)\)/.test(frame))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([frame, v]) => ({ frame, percent: percent(v) }));
	return {
		file,
		sampledMs: Math.round(total / 1000),
		components: Object.fromEntries(Object.entries(components).map(([k, v]) => [k, percent(v)])),
		self: ranked(self),
		inclusive: ranked(inclusive)
	};
}

/** Prints a profile summary under a title (which server, what load, over which window). */
export function printProfile(title: string, p: ProfileSummary): void {
	console.log(`CPU profile of ${title} (${p.sampledMs} ms sampled):`);
	const parts = Object.entries(p.components).sort((a, b) => b[1] - a[1]);
	console.log('  by component: ' + parts.map(([k, v]) => `${k} ${v}%`).join(', '));
	console.log(table([['  self time', '%'], ...p.self.slice(0, 12).map((f) => [`  ${f.frame}`, String(f.percent)])]));
	console.log(table([['  inclusive time', '%'], ...p.inclusive.slice(0, 25).map((f) => [`  ${f.frame}`, String(f.percent)])]));
	console.log(`  (${path.relative(process.cwd(), p.file)})\n`);
}

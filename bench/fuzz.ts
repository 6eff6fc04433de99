// The realtime endpoints' fuzz test (test/integration/fuzz.test.ts) for longer than
// `npm test` keeps it: BENCH_FUZZ_RUNS rounds (3000; the suite runs 150) of random,
// truncated and oversized y-websocket and Socket.IO messages from signed-in and anonymous
// clients against a real server, while honest clients keep converging and storing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { table, writeResults } from './lib/report';

const root = path.resolve(import.meta.dirname, '..');

export async function run(): Promise<void> {
	const runs = Number(process.env.BENCH_FUZZ_RUNS ?? 3000);
	const started = performance.now();
	const code = await new Promise<number>((resolve) => {
		const child = spawn(
			process.execPath,
			[path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'integration', 'test/integration/fuzz.test.ts'],
			{ cwd: root, env: { ...process.env, FUZZ_RUNS: String(runs) }, stdio: 'inherit' }
		);
		child.on('exit', (c) => resolve(c ?? 1));
	});
	const seconds = (performance.now() - started) / 1000;
	console.log(
		table([
			['rounds', 'each round', 'server, documents, honest clients', 'time'],
			[String(runs), '1–8 raw y-websocket messages + 0–5 Socket.IO events', code === 0 ? 'held' : 'FAILED', `${seconds.toFixed(0)} s`]
		])
	);
	console.log(`results: ${writeResults('fuzz', { runs, held: code === 0, seconds })}`);
	if (code !== 0) process.exitCode = 1;
}

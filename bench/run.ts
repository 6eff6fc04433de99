// `npm run bench [-- name…]`: runs the scenarios named on the command line (bench/<name>.ts),
// or every scenario in bench/ when none is named, one after another. A scenario exports
// `run(): Promise<void>`, prints its own table and writes bench/results/<name>-<time>.json.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const all = readdirSync(here)
	.filter((f) => f.endsWith('.ts') && f !== 'run.ts')
	.map((f) => f.slice(0, -3))
	.sort();
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;

for (const name of names) {
	if (!all.includes(name)) {
		console.error(`No scenario "${name}"; there are: ${all.join(', ')}`);
		process.exit(2);
	}
}
for (const name of names) {
	const scenario = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { run?: () => Promise<void> };
	if (typeof scenario.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
	console.log(`\n=== bench: ${name} ===`);
	await scenario.run();
}

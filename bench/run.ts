// `npm run bench [-- name… --option value…]`: runs the scenarios named on the command line
// (bench/<name>.ts), or every scenario in bench/ when none is named, one after another. A
// scenario exports `run(options): Promise<void>`, prints its own table and writes
// bench/results/<name>-<time>.json. Options (`--sizes 30,100` or `--sizes=30,100`) go to
// every scenario named; each reads the ones it knows (`npm run bench -- meeting --help`).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const all = readdirSync(here)
	.filter((f) => f.endsWith('.ts') && f !== 'run.ts')
	.map((f) => f.slice(0, -3))
	.sort();
const named: string[] = [];
const options: Record<string, string> = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
	const arg = args[i];
	if (!arg.startsWith('--')) named.push(arg);
	else if (arg.includes('=')) options[arg.slice(2, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
	else if (i + 1 < args.length && !args[i + 1].startsWith('--')) options[arg.slice(2)] = args[++i];
	else options[arg.slice(2)] = 'true';
}
const names = named.length > 0 ? named : all;

for (const name of names) {
	if (!all.includes(name)) {
		console.error(`No scenario "${name}"; there are: ${all.join(', ')}`);
		process.exit(2);
	}
}
for (const name of names) {
	const scenario = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as {
		run?: (options: Record<string, string>) => Promise<void>;
	};
	if (typeof scenario.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
	console.log(`\n=== bench: ${name} ===`);
	await scenario.run(options);
}

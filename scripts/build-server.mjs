// Builds the Node server (server/main.ts and what it imports, the generated Prisma clients
// included) ahead of time into plain JavaScript under dist/server/, so production runs no
// TypeScript compiler: `node dist/server/main.js`. Packages in node_modules stay external
// (loaded by Node, natively and lazily where the code imports them lazily); code split at
// dynamic imports, so a module loaded only when a request needs it stays out of start-up.
// Run by `npm run build` and, when stale, by scripts/start.mjs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverOut = path.join(root, 'dist/server');
/** Written last, so its time says when the whole build finished. */
export const serverEntry = path.join(serverOut, 'main.js');
/** What the server build is made from: a change to any of these makes it stale. */
export const serverSources = ['server', 'shared', 'prisma/generated', 'package-lock.json', 'scripts/build-server.mjs'];

export async function buildServer() {
	rmSync(serverOut, { recursive: true, force: true });
	await build({
		absWorkingDir: root,
		entryPoints: { main: 'server/main.ts' },
		outdir: serverOut,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20.19',
		packages: 'external',
		sourcemap: 'linked',
		legalComments: 'none',
		logLevel: 'warning',
		chunkNames: '[name]-[hash]'
	});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = performance.now();
	await buildServer();
	console.log(`Built the server into dist/server in ${Math.round(performance.now() - started)} ms.`);
}

// Where the app's files are (package.json, build/, prisma/migrations), found from this
// module's own place: server/ when run from source, dist/server/ when built
// (scripts/build-server.mjs), a chunk of build/server/ inside the SvelteKit bundle.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'prisma', 'migrations'))) return dir;
		if (path.dirname(dir) === dir) return path.resolve(from, '..');
	}
}

export const appRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

// A throwaway PostgreSQL cluster on loopback for the test run, when the machine has the
// server programs (initdb, pg_ctl) and no TEST_POSTGRES_URL was given.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';

function findBin(name: string): string | null {
	const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
	if (onPath) return onPath;
	for (const v of ['17', '16', '15']) {
		const p = `/usr/lib/postgresql/${v}/bin/${name}`;
		if (spawnSync('test', ['-x', p]).status === 0) return p;
	}
	return null;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

export interface Postgres {
	url: string;
	stop(): void;
}

/** Starts a cluster owned by the `postgres` user (initdb refuses root); null without the programs. */
export async function startPostgres(): Promise<Postgres | null> {
	const initdb = findBin('initdb');
	const pgCtl = findBin('pg_ctl');
	if (!initdb || !pgCtl) return null;
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-pg-'));
	chmodSync(dir, 0o777);
	const data = path.join(dir, 'data');
	const asPostgres = (cmd: string, args: string[]) =>
		process.getuid?.() === 0
			? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
			: execFileSync(cmd, args, { stdio: 'pipe' });
	asPostgres(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
	const port = await freePort();
	asPostgres(pgCtl, [
		'-D',
		data,
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
		'-l',
		path.join(dir, 'log'),
		'-w',
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				asPostgres(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

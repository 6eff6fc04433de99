// Two nodes starting together on one empty PostgreSQL database seed the demo organisation
// once, and both come up serving it.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';

import { startServer, type TestServer } from '../support/server';
import { scratchPostgres } from '../support/db';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

const emptyPostgres = () => scratchPostgres('seed', cleanups);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two nodes starting together on an empty database', () => {
	it('seed the demo organisation once, and both serve it', async () => {
		const { url, database } = await emptyPostgres();
		expect(await database.db.organisation.count()).toBe(0);
		// Hold new organisations back (reads pass) until both nodes reached the seed: each
		// then has counted the organisations and either waits to insert one or waits its turn.
		const gate = new pg.Client({ connectionString: url });
		const watcher = new pg.Client({ connectionString: url });
		await Promise.all([gate.connect(), watcher.connect()]);
		cleanups.push(async () => void (await Promise.allSettled([gate.end(), watcher.end()])));
		await gate.query('BEGIN');
		await gate.query('LOCK TABLE "Organisation" IN SHARE MODE');
		const started = Promise.allSettled([startServer({ databaseUrl: url }), startServer({ databaseUrl: url })]);
		const blocked = async () =>
			(
				await watcher.query(
					`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%Organisation%'`
				)
			).rows[0].n as number;
		let firstBlockedAt = 0;
		for (const until = Date.now() + 60_000; Date.now() < until; await sleep(50)) {
			const n = await blocked();
			if (n >= 2) break;
			if (n === 1 && !firstBlockedAt) firstBlockedAt = Date.now();
			// One node inserting and none other for a while: the other waits its turn.
			if (firstBlockedAt && Date.now() - firstBlockedAt > 8000) break;
		}
		expect(firstBlockedAt || (await blocked()), 'a node reached the seed').toBeTruthy();
		await gate.query('COMMIT');

		const nodes = await started;
		for (const n of nodes) if (n.status === 'fulfilled') cleanups.push(() => n.value.dispose());
		const refused = nodes.filter((n) => n.status === 'rejected').map((n) => String((n as PromiseRejectedResult).reason).slice(0, 300));
		expect(await database.db.organisation.count()).toBe(1);
		expect(refused, 'both nodes started').toEqual([]);
		for (const n of nodes as PromiseFulfilledResult<TestServer>[]) {
			expect((await fetch(`${n.value.url}/healthz`)).status).toBe(200);
		}
		expect(await database.db.user.count({ where: { email: 'admin@rahkar.example' } })).toBe(1);
	}, 120_000);
});

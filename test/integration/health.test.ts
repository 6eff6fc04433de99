// /healthz answers 200 with the database in use, and 503 while the database is unreachable.
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/clients';

const servers: TestServer[] = [];
afterAll(async () => {
	for (const s of servers) await s.dispose();
});

describe('GET /healthz', () => {
	it('answers 200 with ok and the database provider', async () => {
		const server = await startServer();
		servers.push(server);
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true, database: server.provider });
	});

	it('answers 503 while PostgreSQL is unreachable, and 200 again when it is back', async () => {
		const admin = inject('postgresUrl');
		expect(admin, 'PostgreSQL is needed: set TEST_POSTGRES_URL or install initdb/pg_ctl').toBeTruthy();
		const server = await startServer({ env: {}, postgres: true });
		servers.push(server);
		const name = new URL(server.databaseUrl).pathname.slice(1);
		const client = new pg.Client({ connectionString: admin! });
		await client.connect();
		// Refuse new connections to the database and cut the existing ones.
		await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
		await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
		await eventually(async () => (await fetch(`${server.url}/healthz`)).status === 503, 10_000, '503');
		expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: false, database: 'postgresql' });
		await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
		await client.end();
		await eventually(async () => (await fetch(`${server.url}/healthz`)).status === 200, 10_000, 'recovery');
	});
});

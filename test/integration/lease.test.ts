// Once-per-cluster jobs: only one holder at a time, and another takes over on expiry.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/client';
import { acquireLease } from '../../server/cluster/lease';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

async function databases(): Promise<[string, Database][]> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-lease-'));
	const lite = await openDatabase(`file:${path.join(dir, 'l.db')}`);
	cleanups.push(async () => {
		await lite.close();
		rmSync(dir, { recursive: true, force: true });
	});
	const admin = inject('postgresUrl');
	expect(admin, 'PostgreSQL is needed').toBeTruthy();
	const name = `rahkar_lease_${process.pid}`;
	const c = new pg.Client({ connectionString: admin! });
	await c.connect();
	await c.query(`CREATE DATABASE "${name}"`);
	const url = new URL(admin!);
	url.pathname = `/${name}`;
	const pgDb = await openDatabase(url.toString());
	cleanups.push(async () => {
		await pgDb.close();
		await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await c.end();
	});
	return [
		['SQLite', lite],
		['PostgreSQL', pgDb]
	];
}

describe('leases', () => {
	it('give a job to exactly one of many racing nodes, and hand it over when it expires', async () => {
		for (const [label, { db }] of await databases()) {
			const t0 = new Date('2026-11-26T12:00:00Z');
			const results = await Promise.all(['n1', 'n2', 'n3', 'n4'].map((n) => acquireLease(db, 'reminders', n, 60_000, t0)));
			expect(results.filter(Boolean), label).toHaveLength(1);
			const holder = ['n1', 'n2', 'n3', 'n4'][results.indexOf(true)];
			const other = holder === 'n1' ? 'n2' : 'n1';
			// The holder renews; others are refused while it is alive.
			expect(await acquireLease(db, 'reminders', holder, 60_000, new Date(t0.getTime() + 30_000)), label).toBe(true);
			expect(await acquireLease(db, 'reminders', other, 60_000, new Date(t0.getTime() + 60_000)), label).toBe(false);
			// Once it stops renewing, the lease expires and another node takes over.
			expect(await acquireLease(db, 'reminders', other, 60_000, new Date(t0.getTime() + 91_000)), label).toBe(true);
			expect(await acquireLease(db, 'reminders', holder, 60_000, new Date(t0.getTime() + 92_000)), label).toBe(false);
		}
	});
});

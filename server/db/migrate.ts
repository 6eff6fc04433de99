// Applies prisma/migrations/<provider>/*/migration.sql at start-up, in order, keeping
// Prisma's own _prisma_migrations bookkeeping (checksum = sha256 of the file) so that a
// deployer with Prisma's CLI can still run `prisma migrate deploy` on the same database.
import { readdir, readFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { logger } from '../observability/logger';

interface Migration {
	name: string;
	sql: string;
	checksum: string;
}
interface AppliedRow {
	migration_name: string;
	checksum: string;
	finished_at: string | Date | null;
}

async function loadMigrations(dir: string): Promise<Migration[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	const names = entries
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort();
	return Promise.all(
		names.map(async (name) => {
			const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
			return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
		})
	);
}

function pending(all: Migration[], rows: AppliedRow[]): Migration[] {
	const failed = rows.filter((r) => !r.finished_at).map((r) => r.migration_name);
	if (failed.length) throw new Error(`A migration failed earlier and needs attention: ${failed.join(', ')}`);
	const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
	for (const m of all) {
		if (done.has(m.name) && done.get(m.name) !== m.checksum) {
			logger().warn({ migration: m.name }, `migration ${m.name} was modified after it was applied`);
		}
	}
	return all.filter((m) => !done.has(m.name));
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;
/** The advisory lock id Prisma's CLI takes, so our runner and `prisma migrate` exclude each other. */
const PRISMA_LOCK = 72707369;

/** Applies pending SQLite migrations; returns their names. */
export async function migrateSqlite(db: BetterSqlite3.Database, dir: string): Promise<string[]> {
	db.exec(SQLITE_TABLE);
	const rows = db
		.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`)
		.all() as AppliedRow[];
	const todo = pending(await loadMigrations(dir), rows);
	for (const m of todo) {
		// Foreign keys off *outside* the transaction (the pragma is a no-op inside one);
		// otherwise a table rebuild's DROP TABLE would cascade-delete rows.
		db.pragma('foreign_keys = OFF');
		try {
			db.transaction(() => {
				const started = new Date().toISOString();
				db.exec(m.sql);
				if ((db.pragma('foreign_key_check') as unknown[]).length) throw new Error(`foreign key violations after ${m.name}`);
				db.prepare(
					`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`
				).run(randomUUID(), m.checksum, m.name, started, new Date().toISOString());
			})();
		} finally {
			db.pragma('foreign_keys = ON');
		}
	}
	return todo.map((m) => m.name);
}

/** Applies pending PostgreSQL migrations under Prisma's advisory lock; returns their names. */
export async function migratePostgres(client: pg.ClientBase, dir: string): Promise<string[]> {
	await client.query(`SELECT pg_advisory_lock(${PRISMA_LOCK})`);
	try {
		await client.query(PG_TABLE);
		const { rows } = await client.query<AppliedRow>(
			`SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`
		);
		const todo = pending(await loadMigrations(dir), rows);
		for (const m of todo) {
			await client.query('BEGIN');
			try {
				const started = new Date();
				await client.query(m.sql); // simple-query protocol: a multi-statement script is fine
				await client.query(
					`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 1)`,
					[randomUUID(), m.checksum, m.name, started]
				);
				await client.query('COMMIT');
			} catch (e) {
				await client.query('ROLLBACK');
				throw e;
			}
		}
		return todo.map((m) => m.name);
	} finally {
		await client.query(`SELECT pg_advisory_unlock(${PRISMA_LOCK})`);
	}
}

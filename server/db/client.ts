// Opens the database named by the configuration: migrates it, then returns a Prisma
// client on the matching driver adapter. Both generated clients share one model API.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client';
import type { DatabaseProvider } from '../config';
import { appRoot } from '../paths';
import { migratePostgres, migrateSqlite } from './migrate';

export type Db = SqliteClient;
export type { Prisma } from '../../prisma/generated/sqlite/client';

const migrationsRoot = path.join(appRoot, 'prisma/migrations');

export interface Database {
	db: Db;
	provider: DatabaseProvider;
	/** The PostgreSQL pool's connections (for metrics); absent on SQLite. */
	pool?(): { total: number; idle: number; waiting: number };
	/** Answers true when the database answers a trivial query. */
	ping(): Promise<boolean>;
	close(): Promise<void>;
}

const providers = new WeakMap<Db, DatabaseProvider>();

/** Which database a client opened by openDatabase talks to, for the few queries written
 * differently for each (undefined for any other client). */
export const providerOf = (db: Db): DatabaseProvider | undefined => providers.get(db);

/** Migrates and opens the database at `url` (file:… for SQLite, postgres://… for PostgreSQL). */
export async function openDatabase(url: string): Promise<Database> {
	const provider: DatabaseProvider = url.startsWith('postgres') ? 'postgresql' : 'sqlite';
	const { db, pool } = provider === 'postgresql' ? await openPostgres(url) : { db: await openSqlite(url), pool: undefined };
	providers.set(db, provider);
	return {
		db,
		provider,
		...(pool ? { pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }) } : {}),
		async ping() {
			try {
				await db.$queryRawUnsafe('SELECT 1');
				return true;
			} catch {
				return false;
			}
		},
		close: () => db.$disconnect()
	};
}

async function openPostgres(url: string): Promise<{ db: Db; pool: import('pg').Pool }> {
	const pg = (await import('pg')).default;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await migratePostgres(client, path.join(migrationsRoot, 'postgresql'));
	} finally {
		await client.end();
	}
	// Each provider's generated client is loaded only when it is the one configured.
	const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
		import('@prisma/adapter-pg'),
		import('../../prisma/generated/postgresql/client')
	]);
	// Our own pool, so its figures can be read; the adapter ends it on disconnect.
	const pool = new pg.Pool({ connectionString: url });
	return { db: new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db, pool };
}

async function openSqlite(url: string): Promise<Db> {
	const file = url.slice('file:'.length);
	mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const Sqlite = (await import('better-sqlite3')).default;
	const raw = new Sqlite(file);
	try {
		// WAL lets readers proceed while the collab server appends updates.
		raw.pragma('journal_mode = WAL');
		await migrateSqlite(raw, path.join(migrationsRoot, 'sqlite'));
	} finally {
		raw.close();
	}
	const [{ PrismaBetterSqlite3 }, { PrismaClient: SqliteClient }] = await Promise.all([
		import('@prisma/adapter-better-sqlite3'),
		import('../../prisma/generated/sqlite/client')
	]);
	return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

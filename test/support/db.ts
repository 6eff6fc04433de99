// Direct database access for fixtures and for checking what was stored.
import * as Y from 'yjs';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { expect, inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { createAuth } from '../../server/auth/auth';
import { loadConfig } from '../../server/config';
import { createUser } from '../../server/domain/users';
import type { TestServer } from './server';

export async function openTestDb(server: TestServer): Promise<Database> {
	return openDatabase(server.databaseUrl);
}

/** The demo organisation's two groups, in seeding order. */
export async function demoGroups(database: Database): Promise<{ id: string; name: string }[]> {
	return database.db.group.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, name: true } });
}

/** A user of the organisation who sits in no group. */
export async function createStranger(database: Database, email = 'stranger@rahkar.example', password = 'stranger-pass-1') {
	const org = await database.db.organisation.findFirstOrThrow();
	const auth = createAuth({ db: database.db, config: loadConfig({ DATABASE_URL: 'file:unused.db' }), secret: 'fixture-only' });
	await createUser({ db: database.db, auth }, { organisationId: org.id, email, name: 'Stranger', password });
	return { email, password };
}

/** Everything the database holds for a Yjs document, applied to a fresh Y.Doc. */
export async function storedDoc(database: Database, name: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const snapshot = await database.db.yDocSnapshot.findUnique({ where: { docName: name } });
	if (snapshot) Y.applyUpdate(doc, snapshot.state);
	const rows = await database.db.yDocUpdate.findMany({
		where: { docName: name, id: { gt: snapshot?.upToId ?? 0 } },
		orderBy: { id: 'asc' }
	});
	for (const row of rows) Y.applyUpdate(doc, row.update);
	return doc;
}

/** A new, migrated, empty PostgreSQL database of the suite's server (no organisation yet),
 * opened; `cleanups` gets what closes and drops it. */
export async function scratchPostgres(prefix: string, cleanups: (() => Promise<void>)[]): Promise<{ url: string; database: Database }> {
	const admin = inject('postgresUrl');
	expect(admin, 'PostgreSQL is needed: set TEST_POSTGRES_URL or install initdb/pg_ctl').toBeTruthy();
	const name = `rahkar_${prefix}_${randomBytes(5).toString('hex')}`;
	const client = new pg.Client({ connectionString: admin! });
	await client.connect();
	await client.query(`CREATE DATABASE "${name}"`);
	const url = new URL(admin!);
	url.pathname = `/${name}`;
	const database = await openDatabase(url.toString());
	cleanups.push(async () => {
		await database.close();
		await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await client.end();
	});
	return { url: url.toString(), database };
}

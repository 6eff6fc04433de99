// Direct database access for fixtures and for checking what was stored.
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

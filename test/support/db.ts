// Direct database access for fixtures and for checking what was stored.
import * as Y from 'yjs';
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

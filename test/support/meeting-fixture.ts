// A seeded demo database without a server, for testing the meeting domain directly; and
// helpers to find the demo actors and meetings in any database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type Db } from '../../server/db/client';
import { createAuth } from '../../server/auth/auth';
import { loadConfig } from '../../server/config';
import { seedIfEmpty } from '../../server/db/seed';
import type { Actor } from '../../server/domain/access';
import { ensureOccurrences } from '../../server/domain/meetings/series';

export async function seededDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-meetings-'));
	const url = `file:${path.join(dir, 'rahkar.db')}`;
	const database = await openDatabase(url);
	const auth = createAuth({ db: database.db, config: loadConfig({ DATABASE_URL: url }), secret: 'fixture-only' });
	await seedIfEmpty({ db: database.db, auth }, { demo: true, password: 'fixture-password-1' });
	return {
		database,
		async dispose() {
			await database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** The domain's view of a demo user ("moderator", "member", …). */
export async function actorFor(db: Db, who: string): Promise<Actor> {
	const u = await db.user.findUniqueOrThrow({ where: { email: `${who}@rahkar.example` } });
	return { userId: u.id, organisationId: u.organisationId, personId: u.personId, isAdmin: u.isAdmin };
}

/** The first demo group's next meeting (materialising the series' occurrences first). */
export async function nextMeeting(db: Db, groupIndex = 0): Promise<{ id: string; groupId: string }> {
	const groups = await db.group.findMany({ orderBy: { createdAt: 'asc' }, include: { series: true } });
	const group = groups[groupIndex];
	if (group.series) await ensureOccurrences(db, group.series.id);
	return db.meeting.findFirstOrThrow({
		where: { groupId: group.id, status: { in: ['SCHEDULED', 'LIVE'] } },
		orderBy: { startsAt: 'asc' },
		select: { id: true, groupId: true }
	});
}

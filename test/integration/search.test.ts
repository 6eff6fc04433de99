// Full-text search through each database's own index, with Persian-aware matching,
// highlighted snippets on the original text, and only the groups a user may see.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/client';
import { indexDocument, search } from '../../server/domain/search/search-index';
import { reindexProposals } from '../../server/domain/search/reindex';
import type { Actor } from '../../server/domain/access';

const cleanups: (() => Promise<void>)[] = [];
let made = 0;
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

async function sqlite(): Promise<Database> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-search-'));
	const database = await openDatabase(`file:${path.join(dir, 's.db')}`);
	cleanups.push(async () => {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return database;
}
async function postgres(): Promise<Database> {
	const admin = inject('postgresUrl');
	expect(admin, 'PostgreSQL is needed').toBeTruthy();
	const name = `rahkar_search_${process.pid}_${++made}`;
	const c = new pg.Client({ connectionString: admin! });
	await c.connect();
	await c.query(`CREATE DATABASE "${name}"`);
	const url = new URL(admin!);
	url.pathname = `/${name}`;
	const database = await openDatabase(url.toString());
	cleanups.push(async () => {
		await database.close();
		await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await c.end();
	});
	return database;
}

/** An organisation with two groups; a member of the first, and the administrator. */
async function fixture(database: Database) {
	const { db } = database;
	const org = await db.organisation.create({ data: { name: 'org' } });
	const g1 = await db.group.create({ data: { organisationId: org.id, name: 'crafts' } });
	const g2 = await db.group.create({ data: { organisationId: org.id, name: 'tourism' } });
	const person = await db.person.create({ data: { organisationId: org.id, name: 'Maryam' } });
	await db.membership.create({ data: { groupId: g1.id, personId: person.id, side: 'EXPERT' } });
	const member: Actor = { userId: 'u1', organisationId: org.id, personId: person.id, isAdmin: false };
	const admin: Actor = { userId: 'u0', organisationId: org.id, personId: null, isAdmin: true };
	await indexDocument(database, {
		kind: 'minutes',
		refId: 'm1',
		groupId: g1.id,
		title: 'صورت‌جلسه‌ی ۱۴۰۵/۰۹/۰۵',
		body: 'کارگروه‌ها درباره‌ی بازارچه‌ی محله و سرمايه‌ی اولیه (۲۵۰ میلیون) گفتگو کردند. The budget was approved.'
	});
	// A proposal hit is shown only for a proposal that exists and that the reader may see.
	const proposal = await db.proposal.create({ data: { groupId: g2.id, title: 'Local guides', state: 'SUBMITTED' } });
	await indexDocument(database, {
		kind: 'proposal',
		refId: proposal.id,
		groupId: g2.id,
		title: 'Local guides',
		body: 'بازارچه گردشگری برای راهنمایان محلی'
	});
	return { member, admin, proposalId: proposal.id };
}

for (const [label, open] of [
	['SQLite', sqlite],
	['PostgreSQL', postgres]
] as const) {
	describe(`search on ${label}`, () => {
		it('matches Persian text whatever the keyboard, joiners and digits, and highlights the original', async () => {
			const database = await open();
			const { member } = await fixture(database);
			// Arabic ي and ك, no ZWNJ, Latin digits: all must find the Persian original.
			for (const query of ['کارگروهها', 'سرمایه', 'سرمايه', 'كارگروه', '250', '۲۵۰', 'BUDGET']) {
				const hits = await search(database, member, query);
				expect(
					hits.map((h) => h.refId),
					`${label}: ${query}`
				).toEqual(['m1']);
			}
			const [hit] = await search(database, member, 'سرمایه');
			const marked = hit.snippet.filter((p) => p.match).map((p) => p.text);
			expect(marked).toEqual(['سرمايه']); // the original spelling, highlighted
		});

		it('shows only the groups the user may see; administrators see all', async () => {
			const database = await open();
			const { member, admin, proposalId } = await fixture(database);
			expect((await search(database, member, 'بازارچه')).map((h) => h.refId)).toEqual(['m1']);
			expect((await search(database, admin, 'بازارچه')).map((h) => h.refId).sort()).toEqual(['m1', proposalId].sort());
			const stranger: Actor = { ...member, personId: 'nobody' };
			expect(await search(database, stranger, 'بازارچه')).toEqual([]);
		});

		it('indexes proposals that are new or changed since the last sweep', async () => {
			const database = await open();
			const { admin } = await fixture(database);
			const group = await database.db.group.findFirstOrThrow({ where: { name: 'crafts' } });
			const proposal = await database.db.proposal.create({
				data: { groupId: group.id, title: 'Solar kiosks', problem: 'نبود برق در بازارچه', idea: 'کیوسک خورشیدی' }
			});
			expect(await reindexProposals(database)).toBe(1);
			expect((await search(database, admin, 'خورشيدي')).map((h) => h.refId)).toContain(proposal.id);
			expect(await reindexProposals(database)).toBe(0);
			await database.db.proposal.update({ where: { id: proposal.id }, data: { idea: 'پنل‌های آفتابی' } });
			expect(await reindexProposals(database)).toBe(1);
			expect((await search(database, admin, 'آفتابی')).map((h) => h.refId)).toContain(proposal.id);
			expect(await search(database, admin, 'خورشیدی')).toEqual([]);
		});

		it('treats query syntax as plain words', async () => {
			const database = await open();
			const { admin } = await fixture(database);
			for (const query of ['"unbalanced', 'budget OR *', "'; DROP TABLE x; --", 'NEAR(a b)']) {
				await expect(search(database, admin, query)).resolves.toBeInstanceOf(Array);
			}
		});
	});
}

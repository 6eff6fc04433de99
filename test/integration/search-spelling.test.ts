// Search treats a space, a ZWNJ and nothing between a Persian word and its suffixes and
// prefixes as one spelling (issue 15, point 13), through the pages' own data endpoints
// (people and full-text search) on the real server, on SQLite and PostgreSQL; and stored
// keys written by the old rules are rebuilt when the server starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unflatten } from 'devalue';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { openTestDb, demoGroups } from '../support/db';
import type { Database } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { createPerson } from '../../server/domain/databank/people';
import { indexDocument } from '../../server/domain/search/search-index';
import { normalizeText } from '../../server/domain/persian';

/** The page node's data of a SvelteKit `__data.json` answer. */
async function pageData<T>(server: TestServer, cookie: string, path: string, q: string): Promise<T> {
	const res = await fetch(`${server.url}${path}/__data.json?q=${encodeURIComponent(q)}`, { headers: { cookie } });
	expect(res.status, `${path} ${q}`).toBe(200);
	const body = (await res.json()) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	const node = body.nodes.at(-1);
	expect(node?.type).toBe('data');
	return unflatten(node!.data as never) as T;
}

for (const provider of ['sqlite', 'postgresql'] as const) {
	describe(`Persian spelling variants in search (${provider})`, () => {
		let server: TestServer;
		let database: Database;
		let cookie: string;
		const ids: Record<string, string> = {};

		beforeAll(async () => {
			server = await startServer({ postgres: provider === 'postgresql' });
			database = await openTestDb(server);
			cookie = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
			const user = await database.db.user.findFirstOrThrow({ where: { email: 'admin@rahkar.example' } });
			const admin: Actor = { userId: user.id, organisationId: user.organisationId, personId: null, isAdmin: true };
			// One spelling each: a ZWNJ, a space, and nothing before the suffix.
			ids.zwnj = (await createPerson(database.db, admin, { name: 'آزاده نمونه', bio: 'مشاور بسته‌بندی و کارگروه‌ها' })).id;
			ids.space = (await createPerson(database.db, admin, { name: 'بهرام نمونه', bio: 'بسته بندی، کارگروه ها را می شناسد' })).id;
			ids.joined = (await createPerson(database.db, admin, { name: 'کیان نمونه', bio: 'کارگروهها' })).id;
			const [group] = await demoGroups(database);
			const proposal = await database.db.proposal.create({ data: { groupId: group.id, title: 'طرح بسته‌بندی', state: 'SUBMITTED' } });
			ids.proposal = proposal.id;
			await indexDocument(database, {
				kind: 'proposal',
				refId: proposal.id,
				groupId: group.id,
				title: 'طرح بسته‌بندی',
				body: 'برای کارگروه‌ها'
			});
			await indexDocument(database, {
				kind: 'minutes',
				refId: 'minutes-spaced',
				groupId: group.id,
				title: 'صورت‌جلسه',
				body: 'کارگروه ها درباره‌ی بسته بندی گفتگو کردند و تصمیم نمی گیرند.'
			});
		}, 120_000);
		afterAll(async () => {
			await database?.close();
			await server?.dispose();
		});

		const people = async (q: string) =>
			(await pageData<{ result: { items: { id: string }[] } }>(server, cookie, '/people', q)).result.items.map((p) => p.id);
		const found = async (q: string) =>
			(await pageData<{ hits: { refId: string }[] }>(server, cookie, '/search', q)).hits.map((h) => h.refId);

		it('finds people whichever way the query and the record spaced a suffix or compound', async () => {
			for (const q of ['بسته بندی', 'بسته‌بندی']) expect((await people(q)).sort(), q).toEqual([ids.zwnj, ids.space].sort());
			for (const q of ['کارگروه ها', 'کارگروه‌ها', 'کارگروهها'])
				expect((await people(q)).sort(), q).toEqual([ids.zwnj, ids.space, ids.joined].sort());
			expect(await people('میشناسد'), 'prefix می').toEqual([ids.space]);
		});

		it('finds proposals and minutes whichever way they are spaced', async () => {
			for (const q of ['بسته بندی', 'بسته‌بندی', 'کارگروه ها', 'کارگروه‌ها', 'کارگروهها'])
				expect((await found(q)).sort(), q).toEqual([ids.proposal, 'minutes-spaced'].sort());
			expect(await found('نمی‌گیرند'), 'prefix نمی').toEqual(['minutes-spaced']);
		});

		it('suggests each word of a query that found nothing, never a bare suffix', async () => {
			const data = await pageData<{ hits: unknown[]; tries: string[] }>(server, cookie, '/search', 'کارگروه ها زرافه');
			expect(data.hits).toEqual([]);
			expect(data.tries).toEqual(['کارگروه', 'زرافه']);
		});

		it('rebuilds keys stored under the old rules when the server starts', async () => {
			// As the previous release stored them: ZWNJ removed, suffixes left apart.
			await database.db.person.update({
				where: { id: ids.space },
				data: { searchText: normalizeText('بهرام نمونه | بسته بندی، کارگروه ها را می شناسد') }
			});
			await database.db.setting.update({ where: { key: 'searchKeyVersion' }, data: { value: '1' } });
			expect(await people('کارگروهها')).not.toContain(ids.space);
			await database.close();
			await server.restart();
			database = await openTestDb(server);
			cookie = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
			expect(await people('کارگروهها')).toContain(ids.space);
			expect((await database.db.setting.findUniqueOrThrow({ where: { key: 'searchKeyVersion' } })).value).toBe('2');
		}, 120_000);
	});
}

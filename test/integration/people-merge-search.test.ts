// A person's page (issue 15, point 7): "Possible duplicates" shows only when there are
// candidates, and the other record to merge is picked by searching for it, through the
// page's data endpoint on the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unflatten } from 'devalue';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';
import { createPerson } from '../../server/domain/databank/people';

let server: TestServer;
let database: Database;
let cookie: string;
const ids: Record<string, string> = {};

const page = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie, 'accept-language': 'en' } });
async function data(path: string) {
	const body = (await (await page(`${path}/__data.json`)).json()) as { nodes: { data: unknown[] }[] };
	return unflatten(body.nodes.at(-1)!.data as never) as {
		profile: { duplicates?: { id: string }[] };
		merge: { q: string; found: { id: string; name: string }[] };
	};
}

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	cookie = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
	const user = await database.db.user.findFirstOrThrow({ where: { email: 'admin@rahkar.example' } });
	const admin = { userId: user.id, organisationId: user.organisationId, personId: null, isAdmin: true };
	ids.alone = (await createPerson(database.db, admin, { name: 'ترانه یکتا' })).id;
	ids.other = (await createPerson(database.db, admin, { name: 'ترانه یکتاپور', email: 'taraneh@merge.example' })).id;
}, 120_000);
afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

describe('merging people', () => {
	it('shows possible duplicates only when there are some', async () => {
		expect((await data(`/people/${ids.alone}`)).profile.duplicates).toEqual([]);
		const html = await (await page(`/people/${ids.alone}`)).text();
		expect(html).not.toContain('Possible duplicates');
		expect(html).toContain('Merge another record into this one');
		expect(html).not.toContain('the id at the end of its address');
	});

	it('finds the other record by name or email, never the person themselves', async () => {
		const byName = await fetch(`${server.url}/people/${ids.alone}/__data.json?merge=${encodeURIComponent('ترانه')}`, {
			headers: { cookie }
		});
		const d = unflatten(((await byName.json()) as { nodes: { data: unknown[] }[] }).nodes.at(-1)!.data as never) as Awaited<
			ReturnType<typeof data>
		>;
		expect(d.merge.found.map((p) => p.id)).toEqual([ids.other]);
		const html = await (await page(`/people/${ids.alone}?merge=taraneh%40merge.example`)).text();
		expect(html).toContain(`value="${ids.other}"`);
	});
});

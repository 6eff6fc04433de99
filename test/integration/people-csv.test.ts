// The databank's CSV files through the real server: the export never carries a live
// spreadsheet formula and re-imports to the same values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';

let server: TestServer;
let database: Database;
let admin: string;

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	admin = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
});

afterAll(async () => {
	await database?.close();
	await server?.dispose();
});

/** Posts a CSV file to an import form action as the browser's enhanced form does. */
export async function postImport(action: 'check' | 'import', csv: string | Blob, extra: Record<string, string> = {}) {
	const form = new FormData();
	form.append('file', typeof csv === 'string' ? new Blob([csv], { type: 'text/csv' }) : csv, 'people.csv');
	const res = await fetch(`${server.url}/people/import?/${action}`, {
		method: 'POST',
		headers: { origin: server.url, cookie: admin, accept: 'application/json', 'x-sveltekit-action': 'true', ...extra },
		body: form
	});
	return { status: res.status, body: (await res.json()) as { type: string; status?: number; data?: string } };
}

const exportCsv = async (query: string) => {
	const res = await fetch(`${server.url}/people/export?${query}`, { headers: { cookie: admin } });
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	// Keep the byte-order mark (Response.text() drops it).
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
};

/** What a spreadsheet reads as a formula: a cell (once unquoted) that starts with one of these. */
const LIVE = /^\s*[=+\-@\t\r]/;
const cells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: 'greedy' }).data.flat();

describe('the people export', () => {
	const EVIL = '=HYPERLINK("http://evil.example","open")';
	const PHONE = '+98 912 000 0000';
	const people = [
		{ name: EVIL, email: 'evil@csvprobe.example', phone: PHONE, bio: '@SUM(1+1)' },
		{ name: '-2+3 Karimi', email: 'minus@csvprobe.example', phone: '', bio: '+ volunteer, "quoted"\nsecond line' },
		{ name: "O'Brien", email: 'plain@csvprobe.example', phone: '0912 111 2222', bio: '' }
	];
	const source = Papa.unparse({
		fields: ['name', 'email', 'phone', 'bio', 'consent'],
		data: people.map((p) => [p.name, p.email, p.phone, p.bio, 'yes'])
	});
	const stored = () =>
		database.db.person.findMany({
			where: { email: { endsWith: '@csvprobe.example' } },
			orderBy: { email: 'asc' },
			select: { name: true, email: true, phone: true, bio: true, consent: true }
		});

	it('writes no live formula, keeps the phone readable, and re-imports to the same values', async () => {
		const imported = await postImport('import', source);
		expect(imported.body.type).toBe('success');
		const before = await stored();
		expect(before.map((p) => p.name).sort()).toEqual(people.map((p) => p.name).sort());

		// The whole databank, demo people included, and the probe's people by a search.
		for (const query of ['', 'q=csvprobe'])
			for (const cell of cells(await exportCsv(query))) expect(cell, `a live formula: ${JSON.stringify(cell)}`).not.toMatch(LIVE);
		const exported = await exportCsv('q=csvprobe');
		const rows = Papa.parse<Record<string, string>>(exported.replace(/^\uFEFF/, ''), { header: true, delimiter: ',' }).data;
		const evil = rows.find((r) => r.email === 'evil@csvprobe.example')!;
		expect(evil.name).toBe(`'${EVIL}`);
		expect(evil.phone).toBe(`'${PHONE}`);
		expect(evil.bio).toBe("'@SUM(1+1)");
		expect(rows.find((r) => r.email === 'plain@csvprobe.example')!.name).toBe("O'Brien");

		// Our own export, imported again into a databank without those people, gives them back as they were.
		await database.db.person.deleteMany({ where: { email: { endsWith: '@csvprobe.example' } } });
		const check = await postImport('check', exported);
		expect(check.body.type).toBe('success');
		const again = await postImport('import', exported);
		expect(again.body.type).toBe('success');
		expect(await stored()).toEqual(before);
		// The same file again, up to the order of the rows (they are listed by their new ids).
		const lines = (csv: string) =>
			Papa.parse<string[]>(csv, { delimiter: ',' })
				.data.map((r) => JSON.stringify(r))
				.sort();
		expect(lines(await exportCsv('q=csvprobe'))).toEqual(lines(exported));
	});

	it('the template has the import header and nothing else', async () => {
		const template = await exportCsv('template');
		expect(template).toBe('\uFEFFname,email,phone,district,sectors,skills,roles,offers,seeks,bio,consent');
	});
});

// The databank's CSV files through the real server: the export never carries a live
// spreadsheet formula and re-imports to the same values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { openTestDb } from '../support/db';
import type { Database } from '../../server/db/client';
import type { ImportStreamLine } from '../../shared/databank';

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

/** A databank file of about `bytes` bytes, every row valid. */
function bigCsv(bytes: number): string {
	const lines = ['name,email,phone,district,sectors,skills,roles,offers,seeks,bio,consent'];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const line = `نفر شماره ${i},person${i}@bulk.example,0913${String(i).padStart(7, '0')},,,,EXPERT,SKILLS,JOB,یک توضیح کوتاه درباره این نفر,yes`;
		lines.push(line);
		size += Buffer.byteLength(line) + 1;
	}
	return lines.join('\n');
}

/** Runs `work` while asking /healthz every 20 ms; the slowest answer in milliseconds. */
async function slowestHealthCheck<T>(work: () => Promise<T>): Promise<{ result: T; slowest: number; probes: number }> {
	let done = false;
	const times: number[] = [];
	const probe = (async () => {
		while (!done) {
			const t0 = performance.now();
			const res = await fetch(`${server.url}/healthz`);
			await res.arrayBuffer();
			expect(res.status).toBe(200);
			times.push(performance.now() - t0);
			await new Promise((r) => setTimeout(r, 20));
		}
	})();
	try {
		return { result: await work(), slowest: Math.max(...times), probes: times.length };
	} finally {
		done = true;
		await probe;
	}
}

describe('a big import', () => {
	it('a 30 MB file is refused for too many rows without stalling /healthz', async () => {
		const csv = bigCsv(30_000_000);
		const { result, slowest, probes } = await slowestHealthCheck(() => postImport('check', csv));
		console.log(`30 MB check: slowest /healthz ${slowest.toFixed(0)} ms over ${probes} probes`);
		expect(result.status).toBe(200);
		expect(result.body).toMatchObject({ type: 'failure', status: 400 });
		expect(result.body.data).toContain('too_many_rows');
		expect(probes).toBeGreaterThan(5);
		expect(slowest).toBeLessThan(500);
	});

	it('the streamed import reports reading, checking and writing as they happen, then the result', async () => {
		const rows = Array.from({ length: 6000 }, (_, i) => `نفر ${i},stream${i}@bulk.example,,,,,EXPERT,SKILLS,JOB,,yes`);
		const form = new FormData();
		form.append(
			'file',
			new Blob([['name,email,phone,district,sectors,skills,roles,offers,seeks,bio,consent', ...rows].join('\n')]),
			'many.csv'
		);
		const { result, slowest } = await slowestHealthCheck(async () => {
			const res = await fetch(`${server.url}/people/import/stream?mode=import`, {
				method: 'POST',
				headers: { origin: server.url, cookie: admin },
				body: form
			});
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
			// Each line with the time it arrived: progress must come while the server works, not all at the end.
			const lines: { at: number; line: ImportStreamLine }[] = [];
			const decoder = new TextDecoder();
			let pending = '';
			for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
				pending += decoder.decode(chunk, { stream: true });
				for (let end; (end = pending.indexOf('\n')) !== -1; pending = pending.slice(end + 1))
					lines.push({ at: performance.now(), line: JSON.parse(pending.slice(0, end)) as ImportStreamLine });
			}
			return lines;
		});
		console.log(`streamed import of 6,000 rows: slowest /healthz ${slowest.toFixed(0)} ms`);
		const last = result.at(-1)!.line;
		expect(last).toMatchObject({
			result: { type: 'success', status: 200, data: { report: { rows: 6000, created: 6000 }, fileName: 'many.csv' } }
		});
		const progress = result.flatMap(({ at, line }) => ('progress' in line ? [{ at, ...line.progress }] : []));
		expect([...new Set(progress.map((p) => p.phase))]).toEqual(['reading', 'checking', 'writing']);
		expect(progress.at(-1)).toMatchObject({ phase: 'writing', done: 24_000, total: 24_000 }); // 6,000 people, roles and 2 × 6,000 exchanges
		expect(result.at(-1)!.at - progress[0].at, 'the first progress line came before the work was done').toBeGreaterThan(50);
		expect(await database.db.person.count({ where: { email: { endsWith: '@bulk.example' } } })).toBe(6000);
	});

	it('the streamed import is for administrators, like the form', async () => {
		const member = await signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD);
		const form = new FormData();
		form.append('file', new Blob(['name\nX']), 'x.csv');
		const post = (cookie?: string) =>
			fetch(`${server.url}/people/import/stream?mode=check`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, ...(cookie ? { cookie } : {}) },
				body: form
			});
		expect((await post(member)).status).toBe(403);
		expect((await post()).status).toBe(303);
	});

	it('a malformed multipart body is refused with 400, on the form and the stream', async () => {
		for (const path of ['/people/import?/check', '/people/import/stream?mode=check']) {
			const res = await fetch(`${server.url}${path}`, {
				method: 'POST',
				headers: { origin: server.url, cookie: admin, 'content-type': 'multipart/form-data; boundary=abc', accept: 'application/json' },
				body: '--abc\r\ncontent-disposition: form-data; name="file"; filename="x.csv"\r\n\r\nname\nX\r\n--ab'
			});
			expect(res.status, path).toBe(400);
		}
	});
});

// A big import is parsed in blocks of whole records with the event loop given back between
// them, and reports how far it has read, checked and written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { recordBlocks } from '../../server/domain/csv';
import { importPeople, type ImportProgress } from '../../server/domain/databank/csv-import-export';
import { databankFixture, type Fixture } from '../support/databank-fixture';

const HEADER = 'name,email,phone,district,sectors,skills,roles,offers,seeks,bio,consent';

let f: Fixture;
beforeAll(async () => {
	f = await databankFixture();
});
afterAll(() => f.dispose());

describe('recordBlocks', () => {
	it('never cuts a quoted cell, so the blocks parse to the same records as the whole', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', ',', '"', '\n', '\r\n') });
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
				fc.integer({ min: 1, max: 40 }),
				(rows, size) => {
					const newline = rows.length % 2 ? '\n' : '\r\n';
					const text = Papa.unparse(rows, { newline });
					const ends = [...recordBlocks(text, size)];
					expect(ends.at(-1) ?? 0).toBe(text.length);
					const blocks = ends.map((end, i) => text.slice(i ? ends[i - 1] : 0, end));
					const parse = (t: string) => Papa.parse<string[]>(t, { delimiter: ',', newline, skipEmptyLines: true }).data;
					expect(blocks.flatMap(parse)).toEqual(parse(text));
				}
			),
			{ numRuns: 500 }
		);
	});
});

describe('importPeople across blocks', () => {
	// Far more than one block (128k characters), with multi-line quoted cells on the way.
	const rows = Array.from(
		{ length: 3000 },
		(_, i) => `نفر ${i},progress${i}@import.example,,${(i % 3) + 1},,,EXPERT,SKILLS,JOB,"خط یک, ""نقل""\nخط دو ${i}",yes`
	);

	it('reports errors on the right lines, even past the first block', async () => {
		const bad = [...rows];
		bad[2500] = bad[2500].replace('EXPERT', 'WIZARD');
		bad[2800] = 'فقط نام,,';
		const report = await importPeople(f.db, f.actors.admin, [HEADER, ...bad].join('\n'), { dryRun: true });
		expect(report.rows).toBe(3000);
		expect(report.errors).toEqual([
			{ line: 2502, column: 'roles', code: 'unknown_role', value: 'WIZARD' },
			{ line: 2802, column: 'file', code: 'field_count' }
		]);
	});

	it('reports reading, checking and writing, each rising to its total, in that order', async () => {
		const seen: ImportProgress[] = [];
		const report = await importPeople(f.db, f.actors.admin, [HEADER, ...rows].join('\r\n'), {
			dryRun: false,
			onProgress: (p) => seen.push(p)
		});
		expect(report).toMatchObject({ rows: 3000, errorCount: 0, created: 3000 });
		const phases = [...new Set(seen.map((p) => p.phase))];
		expect(phases).toEqual(['reading', 'checking', 'writing']);
		for (const phase of phases) {
			const mine = seen.filter((p) => p.phase === phase);
			const dones = mine.map((p) => p.done);
			expect(dones, phase).toEqual([...dones].sort((a, b) => a - b));
			expect(mine.at(-1)!.done, phase).toBe(mine.at(-1)!.total);
		}
		expect(seen.filter((p) => p.phase === 'reading').length).toBeGreaterThanOrEqual(3);
		// Rows of all tables: 3,000 people, each with one role and two exchanges (one offered, one sought).
		expect(seen.at(-1)).toEqual({ phase: 'writing', done: 12_000, total: 12_000 });
	});

	it('gives the event loop back while it reads a big file', async () => {
		const big = [HEADER, ...Array.from({ length: 60_000 }, (_, i) => `نفر ${i},big${i}@import.example,,,,,EXPERT,,,,yes`)].join('\n');
		let ticks = 0;
		const timer = setInterval(() => ticks++, 1);
		const report = await importPeople(f.db, f.actors.admin, big, { dryRun: true });
		clearInterval(timer);
		expect(report.errors).toEqual([{ line: 1, column: 'file', code: 'too_many_rows', value: '50000' }]);
		expect(report.rows).toBe(60_000);
		expect(ticks).toBeGreaterThan(5);
	});
});

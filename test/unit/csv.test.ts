// The app's one CSV cell writer: formula-like cells are marked as text, everything reads back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, csvFile, csvRecord, readCsvCell } from '../../server/domain/csv';

/** What a spreadsheet would run: the cell as it reads it, starting with a formula character. */
const live = (cell: string) => /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
const parse = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: 'greedy' }).data;

describe('csvCell', () => {
	it.each([
		['=HYPERLINK("http://evil.example","open")', `"'=HYPERLINK(""http://evil.example"",""open"")"`],
		['+98 912 000 0000', `"'+98 912 000 0000"`],
		['-2+3', `"'-2+3"`],
		['@SUM(A1)', `"'@SUM(A1)"`],
		['\t=1+1', `"'\t=1+1"`],
		['\r=1+1', `"'\r=1+1"`],
		['  =1+1', `"'  =1+1"`],
		['\uFF1D1+1', `"'\uFF1D1+1"`],
		["'=1", `"''=1"`]
	])('marks %j as text', (value, written) => {
		expect(csvCell(value)).toBe(written);
		expect(live(parse(written)[0][0])).toBe(false);
	});

	it('leaves ordinary values as they are, quoting only when RFC 4180 needs it', () => {
		expect(csvCell('سارا کریمی')).toBe('سارا کریمی');
		expect(csvCell('09121112222')).toBe('09121112222');
		expect(csvCell("O'Brien")).toBe("O'Brien");
		expect(csvCell("'quoted'")).toBe("'quoted'");
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(' padded ')).toBe('" padded "');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(-12)).toBe(`"'-12"`);
		expect(csvRecord(['a', '=b', 'c'])).toBe(`a,"'=b",c`);
	});

	it('writes a file with a byte-order mark and CRLF between lines', () => {
		expect(
			csvFile(
				['name', 'phone'],
				[
					['Ali', '+98 912'],
					['Sara', '']
				]
			)
		).toBe(`\uFEFFname,phone\r\nAli,"'+98 912"\r\nSara,`);
	});

	it('reads back every string exactly, and no cell it writes is live', () => {
		const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', "'", '"', ',', 'a', 'ب', '\uFF1D') });
		fc.assert(
			fc.property(fc.array(text, { maxLength: 5 }), (cells) => {
				const row = ['id', ...cells]; // a record of one empty cell reads as no record at all
				const [read] = Papa.parse<string[]>(csvRecord(row), { delimiter: ',' }).data;
				expect(read.map(readCsvCell)).toEqual(row);
				for (const cell of read) expect(live(cell)).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});

	it('reading keeps apostrophes that are not the marker', () => {
		expect(readCsvCell("O'Brien")).toBe("O'Brien");
		expect(readCsvCell("'quoted'")).toBe("'quoted'");
		expect(readCsvCell("'+98 912")).toBe('+98 912');
		expect(readCsvCell("''=1")).toBe("'=1");
	});
});

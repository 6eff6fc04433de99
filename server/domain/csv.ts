// The one CSV writer for every file the app sends (the databank export and its template, the
// action-item export), and the reader's half of its formula guard.
//
// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR, or such a character after
// leading spaces, which some programs trim first) as a formula: a name such as
// =HYPERLINK("http://evil.example","open") would become a live link. Such a cell is written
// with a leading apostrophe, the spreadsheets' own "this is text" marker, and quoted: the value
// stays readable ("'+98 912 000 0000" for a phone) and is never evaluated. Our own import
// strips that one apostrophe again (`readCsvCell`), so an exported file round-trips exactly.
// A value that already starts with apostrophes before a formula character gets one more, so
// reading back is exact for every string.

export type CsvValue = string | number | boolean | null | undefined;

/** A cell a spreadsheet could run: formula characters (ASCII or full-width) after any spaces or apostrophes. */
const RISKY = /^[\s']*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const MARKER = "'";

/** Whether a cell needs the text marker. */
export const isRiskyCell = (value: string) => RISKY.test(value);

/** One cell, formula-safe and quoted when it must be (RFC 4180). */
export function csvCell(value: CsvValue): string {
	let text = value === null || value === undefined ? '' : String(value);
	const risky = isRiskyCell(text);
	if (risky) text = MARKER + text;
	const quote = risky || /[",\r\n]/.test(text) || /^\s|\s$/.test(text) || text.startsWith('\uFEFF');
	return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line ending. */
export const csvRecord = (cells: readonly CsvValue[]) => cells.map(csvCell).join(',');

/** A whole file: a byte-order mark (spreadsheets then read Persian text as UTF-8), the header and
 * the rows, separated by CRLF (no line ending after the last, as Papa.unparse writes it). */
export function csvFile(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	const lines = [csvRecord(header)];
	for (const row of rows) lines.push(csvRecord(row));
	return '\uFEFF' + lines.join('\r\n');
}

/** A cell as read from a CSV file (unquoted already): drops the text marker `csvCell` added. */
export function readCsvCell(value: string): string {
	return value.startsWith(MARKER) && isRiskyCell(value.slice(1)) ? value.slice(1) : value;
}

/** Gives the event loop back (sockets, /healthz, other requests) once `budgetMs` of work has run
 * since the last time: await it between slices of a long computation. True when it did. */
export function timeSlicer(budgetMs = 8): () => Promise<boolean> {
	let since = performance.now();
	return async () => {
		if (performance.now() - since < budgetMs) return false;
		await new Promise<void>((resolve) => setImmediate(resolve));
		since = performance.now();
		return true;
	};
}

/** Ends of blocks of whole records, about `size` characters each: a block never ends inside a
 * quoted cell (a line break there belongs to the cell). Quotes are counted from the start of
 * each block, which starts a record, so an even count at a line break means it ends a record. */
export function* recordBlocks(text: string, size = 128 * 1024): Generator<number> {
	let start = 0;
	while (start < text.length) {
		let at = Math.min(start + size, text.length);
		let quotes = countQuotes(text, start, at);
		let end = text.length;
		for (;;) {
			const newline = text.indexOf('\n', at);
			if (newline === -1) break;
			quotes += countQuotes(text, at, newline);
			at = newline + 1;
			if (quotes % 2 === 0) {
				end = at;
				break;
			}
		}
		yield end;
		start = end;
	}
}

function countQuotes(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf('"', from); i !== -1 && i < to; i = text.indexOf('"', i + 1)) n++;
	return n;
}

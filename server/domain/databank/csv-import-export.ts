// CSV import and export of the databank (administrators). An import is checked in full
// before anything is written: every row's errors are reported, duplicate emails are found
// within the file and against the databank, and only a clean file is written, in one
// transaction, so a bad row never half-imports the file.
import Papa from 'papaparse';
import type { Db } from '../../db/client';
import { insertRows, isUniqueViolation } from '../../db/bulk-insert';
import { csvFile, readCsvCell, recordBlocks, timeSlicer } from '../csv';
import type { EcosystemRole, Exchange } from '../../../shared/databank';
import type { Actor } from '../access';
import { personRecordSelect, requireDatabankRight, rightsFor, type PersonRecord } from './access';
import { DomainError } from '../errors';
import { newId, PersonInput, personRows, type PersonData } from './people';
import { SearchQuery, searchWhere } from './search';
import { normalizeText } from '../persian';
import { fieldErrors } from '../validation';
import { CSV_COLUMNS, type CsvColumn, type RowError, type ImportReport, type ImportProgress } from '../../../shared/databank';

export { CSV_COLUMNS, type CsvColumn, type RowError, type ImportReport } from '../../../shared/databank';

/** Rows beyond this are refused as a whole: split the file. */
export const MAX_ROWS = 50_000;
/** Errors kept in a report; the count covers them all. */
const MAX_REPORTED = 500;

const key = (s: string) => normalizeText(s).replace(/[_-]/g, ' ');
const aliases = <T extends string>(table: Record<T, string[]>) => {
	const map = new Map<string, T>();
	for (const [code, words] of Object.entries(table) as [T, string[]][]) for (const w of [code, ...words]) map.set(key(w), code);
	return map;
};

// Headers and values are accepted as the codes Rahkar exports, in English and in Persian.
const HEADERS = aliases<CsvColumn>({
	name: ['full name', 'نام', 'نام و نام خانوادگی'],
	email: ['e-mail', 'ایمیل', 'پست الکترونیک', 'رایانامه'],
	phone: ['mobile', 'تلفن', 'تلفن همراه', 'شماره تماس', 'موبایل'],
	district: ['منطقه'],
	sectors: ['sector', 'fields', 'حوزه', 'حوزه‌ها', 'حوزه‌های فعالیت'],
	skills: ['skill', 'مهارت', 'مهارت‌ها'],
	roles: ['role', 'نقش', 'نقش‌ها'],
	offers: ['offer', 'ارائه می‌دهد', 'پیشنهاد می‌دهد', 'دارد'],
	seeks: ['seek', 'looking for', 'در جست‌وجوی', 'نیاز دارد', 'می‌خواهد'],
	bio: ['about', 'درباره', 'معرفی', 'توضیحات'],
	consent: ['consents', 'رضایت', 'رضایت به معرفی']
});
const ROLES = aliases<EcosystemRole>({
	ENTREPRENEUR: ['کارآفرین'],
	IDEA_OWNER: ['صاحب ایده', 'idea'],
	CAPITAL_OWNER: ['investor', 'صاحب سرمایه', 'سرمایه‌گذار'],
	EXPERT: ['adviser', 'advisor', 'کارشناس', 'صاحب‌نظر', 'متخصص'],
	JOB_SEEKER: ['کارجو', 'جویای کار'],
	AGENCY: ['agency representative', 'دستگاه', 'نماینده دستگاه'],
	LEGAL: ['حقوقی', 'قوانین و مقررات'],
	MEDIA: ['رسانه'],
	EXECUTOR: ['مجری']
});
const EXCHANGE_WORDS = aliases<Exchange>({
	CAPITAL: ['سرمایه'],
	SKILLS: ['skill', 'expertise', 'مهارت', 'تخصص'],
	IDEA: ['ایده'],
	JOB: ['work', 'کار', 'شغل'],
	PARTNER: ['شریک']
});
const YES = new Set(['yes', 'y', 'true', '1', 'بله', 'آری', 'بلی', 'دارد'].map(key));
const NO = new Set(['', 'no', 'n', 'false', '0', 'خیر', 'نه', 'ندارد'].map(key));

const splitList = (v: string) =>
	v
		.split(/[;|،؛\n]/)
		.map((s) => s.trim())
		.filter(Boolean);

interface Lookups {
	districts: Map<string, string>;
	sectors: Map<string, string>;
	skills: Map<string, string>;
}

async function lookups(db: Db, organisationId: string): Promise<Lookups> {
	const [districts, fields] = await Promise.all([
		db.district.findMany({ where: { organisationId, archivedAt: null } }),
		db.field.findMany({ where: { organisationId, archivedAt: null } })
	]);
	const d = new Map<string, string>();
	for (const x of districts) {
		d.set(key(x.name), x.id);
		if (x.number !== null) d.set(String(x.number), x.id);
	}
	const byKind = (kind: 'SECTOR' | 'SKILL') => new Map(fields.filter((f) => f.kind === kind).map((f) => [f.nameKey, f.id]));
	return { districts: d, sectors: byKind('SECTOR'), skills: byKind('SKILL') };
}

export type { ImportProgress } from '../../../shared/databank';
export type OnProgress = (progress: ImportProgress) => void;

type Newline = '\r\n' | '\n' | '\r';

interface ParsedFile {
	/** The first MAX_ROWS + 1 rows, keyed by column (more are counted, not kept). */
	rows: Record<string, string>[];
	rowCount: number;
	unknownColumns: string[];
	/** The file's own header of each known column. */
	headers: Partial<Record<CsvColumn, string>>;
	fileErrors: RowError[];
}

/** Parses the file into rows keyed by column; unknown headers are reported, not fatal. The
 * text is parsed in blocks of whole records with the event loop given back between them, so
 * a 30 MB file does not hold up sockets and other requests. */
async function parseFile(csv: string, onProgress: OnProgress): Promise<ParsedFile> {
	const text = csv.replace(/^\uFEFF/, '');
	const pause = timeSlicer();
	const out: ParsedFile = { rows: [], rowCount: 0, unknownColumns: [], headers: {}, fileErrors: [] };
	let columns: (CsvColumn | null)[] | null = null;
	// Guessed from the first block, then kept for the others.
	let delimiter: string | undefined;
	let newline: Newline | undefined;
	let start = 0;
	for (const end of recordBlocks(text)) {
		const parsed = Papa.parse<string[]>(text.slice(start, end), {
			delimiter,
			newline,
			skipEmptyLines: 'greedy',
			// Our own export marks formula-like cells as text (server/domain/csv.ts): unmark them.
			transform: (value) => readCsvCell(value)
		});
		delimiter ??= parsed.meta.delimiter;
		newline ??= parsed.meta.linebreak as Newline;
		let data = parsed.data;
		const firstRow = out.rowCount; // data row index of this block's first data row
		if (!columns && data.length) {
			columns = headerColumns(data[0], out.unknownColumns);
			for (const [i, c] of columns.entries()) if (c) out.headers[c] = data[0][i].trim();
			data = data.slice(1);
		}
		const offset = start === 0 && columns ? 1 : 0; // the header row, in the first block's indexes
		for (const e of parsed.errors)
			if (e.code !== 'UndetectableDelimiter')
				out.fileErrors.push({ line: firstRow + (e.row ?? 0) - offset + 2, column: 'file', code: 'parse' });
		for (const [i, cells] of data.entries()) {
			const line = firstRow + i + 2;
			if (cells.length !== columns!.length) out.fileErrors.push({ line, column: 'file', code: 'field_count' });
			if (out.rows.length <= MAX_ROWS) {
				const row: Record<string, string> = {};
				columns!.forEach((c, j) => {
					if (c) row[c] = cells[j] ?? '';
				});
				out.rows.push(row);
			}
		}
		out.rowCount += data.length;
		start = end;
		onProgress({ phase: 'reading', done: end, total: text.length });
		await pause();
	}
	if (!columns?.includes('name')) out.fileErrors.unshift({ line: 1, column: 'file', code: 'no_name_column' });
	return out;
}

/** The column of each header cell (null for an unknown or repeated one, which is ignored). */
function headerColumns(header: string[], unknown: string[]): (CsvColumn | null)[] {
	const seen = new Set<CsvColumn>();
	return header.map((h) => {
		const col = HEADERS.get(key(h));
		if (!col || seen.has(col)) {
			if (h.trim()) unknown.push(h.trim());
			return null;
		}
		seen.add(col);
		return col;
	});
}

// Which CSV column a PersonInput field's error belongs to.
const COLUMN_OF: Record<string, CsvColumn> = {
	name: 'name',
	email: 'email',
	phone: 'phone',
	bio: 'bio',
	roles: 'roles',
	offers: 'offers',
	seeks: 'seeks'
};

/** One row to PersonData, or its errors. */
function readRow(row: Record<string, string>, line: number, l: Lookups): { data?: PersonData; errors: RowError[] } {
	const errors: RowError[] = [];
	const get = (c: CsvColumn) => (row[c] ?? '').trim();
	const codes = <T>(c: CsvColumn, map: Map<string, T>, code: string): T[] =>
		splitList(get(c)).flatMap((v) => {
			const hit = map.get(key(v));
			if (hit === undefined) errors.push({ line, column: c, code, value: v });
			return hit === undefined ? [] : [hit];
		});
	const district = get('district');
	const districtId = district ? (l.districts.get(key(district)) ?? null) : null;
	if (district && !districtId) errors.push({ line, column: 'district', code: 'unknown_district', value: district });
	const consentRaw = key(get('consent'));
	if (!YES.has(consentRaw) && !NO.has(consentRaw)) errors.push({ line, column: 'consent', code: 'invalid_consent', value: get('consent') });
	const input = {
		name: get('name'),
		email: get('email'),
		phone: get('phone'),
		districtId,
		fieldIds: [...codes('sectors', l.sectors, 'unknown_sector'), ...codes('skills', l.skills, 'unknown_skill')],
		roles: codes('roles', ROLES, 'unknown_role'),
		offers: codes('offers', EXCHANGE_WORDS, 'unknown_exchange'),
		seeks: codes('seeks', EXCHANGE_WORDS, 'unknown_exchange'),
		bio: get('bio'),
		consent: YES.has(consentRaw)
	};
	const parsed = PersonInput.safeParse(input);
	if (!parsed.success) {
		for (const [field, code] of Object.entries(fieldErrors(parsed.error))) {
			const column = COLUMN_OF[field] ?? (field === 'fieldIds' ? 'sectors' : 'name');
			errors.push({ line, column, code, value: get(column).slice(0, 80) });
		}
	}
	return errors.length || !parsed.success ? { errors } : { data: parsed.data, errors };
}

/** Checks a CSV file and, unless `dryRun` or anything is wrong, writes every row in one transaction.
 * Long steps give the event loop back between slices and report how far they are. */
export async function importPeople(
	db: Db,
	actor: Actor,
	csv: string,
	options: { dryRun: boolean; onProgress?: OnProgress }
): Promise<ImportReport> {
	await requireDatabankRight(db, actor, 'manage');
	const onProgress = options.onProgress ?? (() => {});
	const pause = timeSlicer();
	const { rows, rowCount, unknownColumns, headers, fileErrors } = await parseFile(csv, onProgress);
	const errors: RowError[] = [...fileErrors];
	const tooBig = rowCount > MAX_ROWS;
	if (tooBig) errors.push({ line: 1, column: 'file', code: 'too_many_rows', value: String(MAX_ROWS) });
	if (rowCount === 0 && !errors.length) errors.push({ line: 1, column: 'file', code: 'empty' });

	const l = await lookups(db, actor.organisationId);
	const good: PersonData[] = [];
	const firstLineOfEmail = new Map<string, number>();
	if (!tooBig) {
		for (const [i, row] of rows.entries()) {
			if (await pause()) onProgress({ phase: 'checking', done: i, total: rows.length });
			const line = i + 2;
			const { data, errors: rowErrors } = readRow(row, line, l);
			errors.push(...rowErrors);
			if (data?.email) {
				const first = firstLineOfEmail.get(data.email);
				if (first !== undefined) {
					errors.push({ line, column: 'email', code: 'duplicate_in_file', value: String(first) });
					continue;
				}
				firstLineOfEmail.set(data.email, line);
			}
			if (data) good.push(data);
		}
		onProgress({ phase: 'checking', done: rows.length, total: rows.length });
		// Emails already in the databank, looked up in chunks (bound-parameter limits).
		const emails = [...firstLineOfEmail.keys()];
		for (let i = 0; i < emails.length; i += 500) {
			const taken = await db.person.findMany({
				where: { organisationId: actor.organisationId, email: { in: emails.slice(i, i + 500) } },
				select: { email: true }
			});
			for (const t of taken)
				errors.push({ line: firstLineOfEmail.get(t.email!)!, column: 'email', code: 'duplicate_in_db', value: t.email! });
		}
	}
	errors.sort((a, b) => a.line - b.line);
	const erroneousLines = new Set(errors.map((e) => e.line));
	const report: ImportReport = {
		dryRun: options.dryRun,
		rows: rowCount,
		valid: tooBig ? 0 : rowCount - [...erroneousLines].filter((n) => n > 1).length,
		errorCount: errors.length,
		errors: errors.slice(0, MAX_REPORTED),
		unknownColumns,
		headers,
		created: 0
	};
	if (options.dryRun || errors.length) return report;

	const all: ReturnType<typeof personRows>[] = [];
	for (const d of good) {
		all.push(personRows(newId(), actor.organisationId, d));
		await pause();
	}
	const now = new Date();
	const tables = {
		Person: all.map((r) => ({ ...r.person, createdAt: now, updatedAt: now })),
		PersonField: all.flatMap((r) => r.fields),
		PersonRole: all.flatMap((r) => r.roles),
		PersonExchange: all.flatMap((r) => r.exchanges)
	};
	const total = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
	let done = 0;
	onProgress({ phase: 'writing', done, total });
	try {
		await db.$transaction(
			async (tx) => {
				for (const [table, rows] of Object.entries(tables))
					await insertRows(tx, table, rows, async (written) => {
						done += written;
						onProgress({ phase: 'writing', done, total });
						// On SQLite the driver is synchronous: without this the whole write holds the event loop.
						await pause();
					});
			},
			{ timeout: 120_000, maxWait: 10_000 }
		);
	} catch (e) {
		// Someone added one of these emails between our check and the write.
		if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'an email was taken meanwhile', { file: 'duplicate_in_db' });
		throw e;
	}
	return { ...report, created: all.length };
}

/** The databank (or the part a query selects) as CSV in the import format, contacts included. */
export async function exportPeople(db: Db, actor: Actor, query: SearchQuery = {}): Promise<string> {
	await requireDatabankRight(db, actor, 'manage');
	const where = searchWhere(actor.organisationId, rightsFor('admin'), SearchQuery.parse(query));
	const lines: string[][] = [];
	let cursor: string | undefined;
	// Read in id order by keyset pages: steady memory and time per page at any size.
	for (;;) {
		const page = (await db.person.findMany({
			where,
			orderBy: { id: 'asc' },
			take: 2000,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: personRecordSelect
		})) as PersonRecord[];
		for (const p of page) {
			const names = (kind: string) =>
				p.fields
					.filter((f) => f.field.kind === kind)
					.map((f) => f.field.name)
					.join('; ');
			const ex = (dir: string) =>
				p.exchanges
					.filter((e) => e.direction === dir)
					.map((e) => e.kind)
					.join('; ');
			lines.push([
				p.name,
				p.email ?? '',
				p.phone ?? '',
				p.district?.name ?? '',
				names('SECTOR'),
				names('SKILL'),
				p.roles.map((r) => r.role).join('; '),
				ex('OFFER'),
				ex('SEEK'),
				p.bio,
				p.consent ? 'yes' : 'no'
			]);
		}
		if (page.length < 2000) break;
		cursor = page[page.length - 1].id;
	}
	return csvFile(CSV_COLUMNS, lines);
}

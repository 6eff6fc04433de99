// Multi-row INSERTs for bulk writes (CSV import, benchmark data). Prisma's createMany
// builds its query in JavaScript at about a millisecond per row here; one parameterised
// INSERT … VALUES (…), (…) per chunk is ~20× faster and reads the same on SQLite and
// PostgreSQL. Values go through Prisma's own parameter mapping (dates, booleans), so rows
// written here read back through the client exactly like rows it wrote itself.
import { Prisma } from '../../prisma/generated/sqlite/client';
import type { Db } from './client';

type Value = string | number | boolean | Date | null;
type Executor = Pick<Db, '$executeRaw'>;

// Both databases accept far more; this keeps each statement a comfortable size.
const MAX_PARAMS = 10_000;

/** Inserts rows into a table; `table` and the keys of the first row must be trusted identifiers.
 * `between` is awaited after each statement with the rows it wrote (progress, yielding). */
export async function insertRows(
	db: Executor,
	table: string,
	rows: Record<string, Value>[],
	between?: (written: number) => Promise<void>
): Promise<number> {
	if (!rows.length) return 0;
	const columns = Object.keys(rows[0]);
	for (const c of [table, ...columns]) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(c)) throw new Error(`not an identifier: ${c}`);
	const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `);
	const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
	let written = 0;
	for (let i = 0; i < rows.length; i += per) {
		const values = rows.slice(i, i + per).map((r) => Prisma.sql`(${Prisma.join(columns.map((c) => r[c]))})`);
		const n = await db.$executeRaw`${head}${Prisma.join(values)}`;
		written += n;
		await between?.(n);
	}
	return written;
}

/** Whether an error is a unique-constraint violation, from the client (P2002) or from raw SQL (P2010). */
export function isUniqueViolation(e: unknown): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const { code, meta, message } = e as { code?: string; meta?: unknown; message?: string };
	if (code === 'P2002') return true;
	return code === 'P2010' && /unique|23505/i.test(`${message ?? ''} ${JSON.stringify(meta ?? {})}`);
}

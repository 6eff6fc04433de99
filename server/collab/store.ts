// Durable storage for Yjs documents: an append-only log of updates plus a compacted
// snapshot. The seam is small on purpose ({ load, append, compact }) so a room never
// touches Prisma itself.
import * as Y from 'yjs';
import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';

export interface StoredDocument {
	/** The snapshot (if any) followed by every later update, in order. */
	updates: Uint8Array[];
	/** Id of the last stored update, or 0. */
	lastId: number;
	/** How many updates sit in the log after the snapshot. */
	pending: number;
}

export interface DocumentStore {
	load(name: string): Promise<StoredDocument>;
	/** Appends updates in one transaction; resolves with the id of the last one. */
	append(name: string, updates: Uint8Array[]): Promise<number>;
	/** Folds the stored log up to `upToId` into the snapshot. Works from what the database
	 * holds, never from a node's memory, so any node may compact any document safely. */
	compact(name: string, upToId: number): Promise<void>;
}

// Yjs and the ws library hand us ArrayBuffer-backed arrays; Prisma's type wants it said.
const bytes = (u: Uint8Array) => u as Uint8Array<ArrayBuffer>;

/** A stable 31-bit key for PostgreSQL's advisory lock on one document. */
function lockKey(name: string): number {
	let h = 0;
	for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
	return h & 0x7fffffff;
}

/** `Db` is typed as the SQLite client, whose types know only Serializable; on PostgreSQL
 * the client behind it takes repeatable read, which a read-only transaction needs. */
const REPEATABLE_READ = { isolationLevel: 'RepeatableRead' as 'Serializable' };

/** Most rows a single INSERT carries (two bound parameters each, far below any limit). */
const MAX_BATCH_ROWS = 1000;

interface PendingAppend {
	name: string;
	updates: Uint8Array[];
	resolve(lastId: number): void;
	reject(error: unknown): void;
}

/** Appends that arrive in one turn of the event loop, from any number of documents, go to
 * the database as one INSERT (one statement, so all or nothing): with many small documents
 * a query per edit would cost more than the edits themselves. Each caller learns the id of
 * its own document's last row; a failed INSERT fails every caller in it. */
function batchedAppend(db: Db): DocumentStore['append'] {
	const queue: PendingAppend[] = [];
	const write = async (batch: PendingAppend[]) => {
		try {
			const rows = await db.yDocUpdate.createManyAndReturn({
				data: batch.flatMap((b) => b.updates.map((update) => ({ docName: b.name, update: bytes(update) }))),
				select: { id: true, docName: true }
			});
			const last = new Map<string, number>();
			for (const row of rows) last.set(row.docName, Math.max(last.get(row.docName) ?? 0, row.id));
			for (const b of batch) b.resolve(last.get(b.name) ?? 0);
		} catch (error) {
			for (const b of batch) b.reject(error);
		}
	};
	const drain = () => {
		while (queue.length > 0) {
			const batch: PendingAppend[] = [];
			let rows = 0;
			while (queue.length > 0 && (batch.length === 0 || rows + queue[0].updates.length <= MAX_BATCH_ROWS)) {
				const next = queue.shift()!;
				rows += next.updates.length;
				batch.push(next);
			}
			void write(batch);
		}
	};
	return (name, updates) =>
		new Promise<number>((resolve, reject) => {
			if (queue.length === 0) setImmediate(drain);
			queue.push({ name, updates, resolve, reject });
		});
}

/** Rows applied between two yields to the event loop while folding. */
const FOLD_STEP = 25;

/** The snapshot with the rows applied, as one update; gives the event loop a turn every
 * FOLD_STEP rows so that the room's ticks and the meeting's messages go on meanwhile. */
async function fold(snapshot: Uint8Array | null, rows: { update: Uint8Array }[]): Promise<Uint8Array> {
	const doc = new Y.Doc();
	try {
		if (snapshot) Y.applyUpdate(doc, snapshot);
		for (let i = 0; i < rows.length; i++) {
			Y.applyUpdate(doc, rows[i].update);
			if (i % FOLD_STEP === FOLD_STEP - 1) await new Promise((resolve) => setImmediate(resolve));
		}
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

export function prismaDocumentStore(db: Db, provider: DatabaseProvider): DocumentStore {
	return {
		async load(name) {
			// Both reads in one transaction that sees one moment of the database: read apart, a
			// compaction by another node committing between them would fold rows into a snapshot
			// this load no longer reads and delete them from the log it reads next. PostgreSQL's
			// default (read committed) gives each statement its own view, so ask for repeatable
			// read; a SQLite transaction reads one view already.
			const [snapshot, rows] = await db.$transaction(
				[
					db.yDocSnapshot.findUnique({ where: { docName: name } }),
					// Every row still in the log, not only those numbered after the snapshot: with
					// several nodes, a row may commit after one with a higher id was compacted.
					db.yDocUpdate.findMany({
						where: { docName: name },
						orderBy: { id: 'asc' },
						select: { id: true, update: true }
					})
				],
				provider === 'postgresql' ? REPEATABLE_READ : undefined
			);
			return {
				updates: [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)],
				lastId: Math.max(rows.at(-1)?.id ?? 0, snapshot?.upToId ?? 0),
				pending: rows.length
			};
		},
		append: batchedAppend(db),
		async compact(name, upToId) {
			// Read in one consistent view, fold outside any transaction (a 500-person room's
			// 200 rows took 60 ms of the thread that serves it, and a transaction held open
			// would stall every other write on SQLite's one connection), then write in a short
			// transaction that first checks nobody compacted meanwhile.
			const [snapshot, rows] = await db.$transaction(
				[
					db.yDocSnapshot.findUnique({ where: { docName: name } }),
					db.yDocUpdate.findMany({
						where: { docName: name, id: { lte: upToId } },
						orderBy: { id: 'asc' },
						select: { id: true, update: true }
					})
				],
				provider === 'postgresql' ? REPEATABLE_READ : undefined
			);
			if ((snapshot && snapshot.upToId >= upToId) || rows.length === 0) return;
			const state = bytes(await fold(snapshot?.state ?? null, rows));
			await db.$transaction(async (tx) => {
				// Two nodes compacting one document at once: the lock serialises them on
				// PostgreSQL (SQLite serialises writers itself), and the second sees the first's
				// snapshot and leaves it.
				if (provider === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${lockKey(name)})`);
				const now = await tx.yDocSnapshot.findUnique({ where: { docName: name }, select: { upToId: true } });
				if ((now?.upToId ?? null) !== (snapshot?.upToId ?? null)) return;
				await tx.yDocSnapshot.upsert({ where: { docName: name }, create: { docName: name, state, upToId }, update: { state, upToId } });
				// Exactly the rows folded in: a row another node is still committing (a lower id
				// than upToId, invisible to the read) stays in the log for the next load.
				const ids = rows.map((r) => r.id);
				for (let i = 0; i < ids.length; i += MAX_BATCH_ROWS) {
					await tx.yDocUpdate.deleteMany({ where: { id: { in: ids.slice(i, i + MAX_BATCH_ROWS) } } });
				}
			});
		}
	};
}

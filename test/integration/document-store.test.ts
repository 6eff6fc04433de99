// The Yjs document store on both databases: append, load, and compaction that never
// loses an update, even when two nodes compact the same document at once.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { openDatabase, type Database } from '../../server/db/client';
import { prismaDocumentStore } from '../../server/collab/store';
import { RoomRegistry } from '../../server/collab/registry';
import { scratchPostgres } from '../support/db';
import { eventually } from '../support/clients';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

async function sqlite(): Promise<Database & { url: string }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-store-'));
	const url = `file:${path.join(dir, 'store.db')}`;
	const database = await openDatabase(url);
	cleanups.push(async () => {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return Object.assign(database, { url });
}

async function postgres(): Promise<Database & { url: string }> {
	const { url, database } = await scratchPostgres('store', cleanups);
	return Object.assign(database, { url });
}

/** n single-character edits from one writer, as the updates a server would store. */
function edits(n: number): { updates: Uint8Array[]; text: string } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < n; i++) doc.getText('t').insert(i, String(i % 10));
	return { updates, text: doc.getText('t').toString() };
}

const textOf = (stored: { updates: Uint8Array[] }) => {
	const doc = new Y.Doc();
	for (const u of stored.updates) Y.applyUpdate(doc, u);
	return doc.getText('t').toString();
};

for (const [label, open] of [
	['SQLite', sqlite],
	['PostgreSQL', postgres]
] as const) {
	describe(`document store on ${label}`, () => {
		it('loads what was appended, and the same after compaction', async () => {
			const database = await open();
			const store = prismaDocumentStore(database.db, database.provider);
			const { updates, text } = edits(300);
			let lastId = 0;
			for (let i = 0; i < updates.length; i += 7) lastId = await store.append('d1', updates.slice(i, i + 7));
			expect(textOf(await store.load('d1'))).toBe(text);
			await store.compact('d1', lastId);
			const after = await store.load('d1');
			expect(after.pending).toBe(0);
			expect(after.updates).toHaveLength(1);
			expect(textOf(after)).toBe(text);
		});

		it('stores appends to many documents made at once, each told the id of its own last row', async () => {
			const database = await open();
			const store = prismaDocumentStore(database.db, database.provider);
			const docs = Array.from({ length: 30 }, (_, i) => ({ name: `many-${i}`, ...edits(5 + i) }));
			// Every document appends in the same turn of the event loop, as rooms do under load.
			const ids = await Promise.all(docs.map((d) => store.append(d.name, d.updates)));
			for (const [i, d] of docs.entries()) {
				const rows = await database.db.yDocUpdate.findMany({ where: { docName: d.name }, select: { id: true } });
				expect(rows).toHaveLength(d.updates.length);
				expect(ids[i]).toBe(Math.max(...rows.map((r) => r.id)));
				expect(textOf(await store.load(d.name))).toBe(d.text);
			}
		});

		it('fails every append of a batch the database refuses, and stores none of it', async () => {
			const database = await open();
			const store = prismaDocumentStore(database.db, database.provider);
			const good = edits(3);
			// The database refuses one document's rows; the others share its INSERT.
			if (database.provider === 'sqlite') {
				await database.db.$executeRawUnsafe(
					`CREATE TRIGGER refuse BEFORE INSERT ON "YDocUpdate" WHEN NEW."docName" = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END`
				);
			} else {
				await database.db.$executeRawUnsafe(
					`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW."docName" = 'refused' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`
				);
				await database.db.$executeRawUnsafe(`CREATE TRIGGER refuse BEFORE INSERT ON "YDocUpdate" FOR EACH ROW EXECUTE FUNCTION refuse()`);
			}
			const results = await Promise.allSettled([store.append('fine', good.updates), store.append('refused', good.updates)]);
			expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
			expect(await database.db.yDocUpdate.count({ where: { docName: 'fine' } })).toBe(0);
		});

		it('keeps a row that commits after a compaction passed its id (another node was slower)', async () => {
			const database = await open();
			const store = prismaDocumentStore(database.db, database.provider);
			const { updates, text } = edits(3);
			if (database.provider === 'postgresql') {
				// Node B takes the lower id and commits last; node A appends after it and compacts.
				const slow = new pg.Client({ connectionString: database.url });
				await slow.connect();
				await slow.query('BEGIN');
				await slow.query('INSERT INTO "YDocUpdate" ("docName", "update") VALUES ($1, $2)', ['late', Buffer.from(updates[0])]);
				const lastId = await store.append('late', updates.slice(1));
				await store.compact('late', lastId);
				await slow.query('COMMIT');
				await slow.end();
			} else {
				// SQLite serialises writers, so the same state is reached by a row numbered
				// below a snapshot that does not contain it.
				const lastId = await store.append('late', updates.slice(1));
				await store.compact('late', lastId);
				await database.db.yDocUpdate.create({ data: { id: 0, docName: 'late', update: updates[0] as Uint8Array<ArrayBuffer> } });
			}
			expect(textOf(await store.load('late'))).toBe(text);
			// A later compaction folds it in, like any other row.
			await store.compact('late', 1_000_000);
			expect(await database.db.yDocUpdate.count({ where: { docName: 'late' } })).toBe(0);
			expect(textOf(await store.load('late'))).toBe(text);
		});

		it('loses nothing when compactions race each other and new appends', async () => {
			const database = await open();
			const store = prismaDocumentStore(database.db, database.provider);
			const { updates, text } = edits(200);
			const ids: number[] = [];
			for (const u of updates.slice(0, 150)) ids.push(await store.append('d2', [u]));
			// Two "nodes" compact to different points while a third keeps appending.
			await Promise.all([
				store.compact('d2', ids[60]),
				store.compact('d2', ids[149]),
				(async () => {
					for (const u of updates.slice(150)) await store.append('d2', [u]);
				})()
			]);
			expect(textOf(await store.load('d2'))).toBe(text);
		});
	});
}

describe('collab rooms as leases (server/collab/registry.ts)', () => {
	it('keeps a room while any lease holds it, peers or none, and evicts it a grace period after the last release', async () => {
		const database = await sqlite();
		const registry = new RoomRegistry(prismaDocumentStore(database.db, database.provider), console.error, null, 50);
		const connection = await registry.acquire('d-lease');
		const change = await registry.acquire('d-lease');
		expect(change.room).toBe(connection.room);
		// The last connection goes while a server-side change still holds the room (no peers):
		// it stays, well past the grace period. A second release of one lease counts nothing.
		connection.release();
		connection.release();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(registry.loaded('d-lease')).toBe(change.room);
		await change.room.change((doc) => doc.getText('t').insert(0, 'kept'));
		change.release();
		await eventually(() => registry.size === 0, 2000, 'the room evicted after its last lease');
		// The next lease loads it again, with what was stored.
		const again = await registry.acquire('d-lease');
		expect(again.room).not.toBe(change.room);
		expect(again.room.doc.getText('t').toString()).toBe('kept');
		again.release();
		await registry.closeAll();
	});
});

describe('document store on PostgreSQL, with another node', () => {
	it('loads every update when another node compacts between the reads of the snapshot and of the log', async () => {
		const database = await postgres();
		const store = prismaDocumentStore(database.db, database.provider);
		const { updates, text } = edits(20);
		let lastId = 0;
		for (const u of updates.slice(0, 10)) lastId = await store.append('mid', [u]);
		await store.compact('mid', lastId);
		for (const u of updates.slice(10)) lastId = await store.append('mid', [u]);

		// The other node holds the log while it compacts: this load's read of the log waits
		// for it, whatever the load read before.
		const other = new pg.Client({ connectionString: database.url });
		const watcher = new pg.Client({ connectionString: database.url });
		await Promise.all([other.connect(), watcher.connect()]);
		try {
			await other.query('BEGIN');
			await other.query('LOCK TABLE "YDocUpdate" IN ACCESS EXCLUSIVE MODE');
			const loading = store.load('mid');
			const waiting = async () =>
				(
					await watcher.query(
						`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%YDocUpdate%'`
					)
				).rows[0].n as number;
			for (let t = 0; (await waiting()) === 0; t++) {
				expect(t, 'the load waits for the log').toBeLessThan(200);
				await new Promise((r) => setTimeout(r, 25));
			}
			// The other node's compaction, as store.compact does it: fold the log into the
			// snapshot and delete the rows folded in; then it commits.
			const snap = await other.query('SELECT state FROM "YDocSnapshot" WHERE "docName" = $1', ['mid']);
			const log = await other.query('SELECT id, update FROM "YDocUpdate" WHERE "docName" = $1 ORDER BY id', ['mid']);
			expect(log.rows).toHaveLength(10);
			const doc = new Y.Doc();
			Y.applyUpdate(doc, snap.rows[0].state);
			for (const row of log.rows) Y.applyUpdate(doc, row.update);
			await other.query('UPDATE "YDocSnapshot" SET state = $1, "upToId" = $2, "updatedAt" = now() WHERE "docName" = $3', [
				Buffer.from(Y.encodeStateAsUpdate(doc)),
				lastId,
				'mid'
			]);
			await other.query('DELETE FROM "YDocUpdate" WHERE "docName" = $1 AND id <= $2', ['mid', lastId]);
			await other.query('COMMIT');
			expect(textOf(await loading)).toBe(text);
		} finally {
			await Promise.all([other.end(), watcher.end()]);
		}
	});
});

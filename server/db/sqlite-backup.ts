// Backups of a SQLite database while the server runs, and their restore.
//
// A backup goes through SQLite's online backup API (better-sqlite3's `backup`), which copies
// a consistent state, WAL included, while the server keeps writing; it is written under a
// temporary name, checked (PRAGMA integrity_check) and only then given its timestamped name,
// so a file named rahkar-<time>.db is always a whole, sound database.
//
// A restore refuses a database another process has open: leaving WAL mode needs every other
// connection closed, so a running server makes that fail with SQLITE_BUSY. The database it
// replaces is kept beside it (<name>.before-restore-<time>).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';

export class BackupError extends Error {}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Whether `file` is a sound SQLite database of Rahkar's (integrity_check says ok, migrations table present). */
export function checkDatabase(file: string): void {
	let db: Sqlite.Database;
	try {
		db = new Sqlite(file, { readonly: true, fileMustExist: true });
	} catch (error) {
		throw new BackupError(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
	}
	try {
		const result = db.pragma('integrity_check', { simple: true });
		if (result !== 'ok') throw new BackupError(`${file} failed the integrity check: ${String(result)}`);
		const migrated = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
		if (!migrated) throw new BackupError(`${file} is not a Rahkar database (it has no _prisma_migrations table)`);
	} catch (error) {
		if (error instanceof BackupError) throw error;
		throw new BackupError(`${file} failed the integrity check: ${(error as Error).message}`);
	} finally {
		db.close();
	}
}

/** Copies the live database `file` into `dir` as rahkar-<time>.db; returns the new file's path. */
export async function backupSqlite(file: string, dir: string, now = new Date()): Promise<string> {
	if (!existsSync(file)) throw new BackupError(`There is no database at ${file}.`);
	mkdirSync(dir, { recursive: true });
	const target = path.join(dir, `rahkar-${stamp(now)}.db`);
	const partial = `${target}.partial`;
	const source = new Sqlite(file, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(partial);
	} finally {
		source.close();
	}
	try {
		// One self-contained file: the copy carries the source's WAL mode, which would give it
		// -wal and -shm companions as soon as it is opened.
		const copy = new Sqlite(partial, { fileMustExist: true });
		try {
			copy.pragma('journal_mode = DELETE');
		} finally {
			copy.close();
		}
		checkDatabase(partial);
	} catch (error) {
		for (const extra of ['', '-wal', '-shm', '-journal']) rmSync(partial + extra, { force: true });
		throw error;
	}
	renameSync(partial, target);
	return target;
}

/** Whether another connection (a running server) has the database open. */
function inUse(file: string): boolean {
	const db = new Sqlite(file, { fileMustExist: true, timeout: 0 });
	try {
		// Leaving WAL mode needs every other connection gone; it checkpoints and removes the WAL.
		return db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete';
	} catch (error) {
		if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
		throw error;
	} finally {
		db.close();
	}
}

/** Replaces the database `file` with the backup `from`; returns where the old one was kept, if any. */
export function restoreSqlite(from: string, file: string, now = new Date()): { keptAs: string | null } {
	checkDatabase(from);
	let keptAs: string | null = null;
	if (existsSync(file)) {
		if (inUse(file)) throw new BackupError(`${file} is open in another process (a running Rahkar server?): stop it first, then restore.`);
		keptAs = `${file}.before-restore-${stamp(now)}`;
		renameSync(file, keptAs);
		for (const extra of ['-wal', '-shm']) rmSync(file + extra, { force: true });
	} else {
		mkdirSync(path.dirname(file), { recursive: true });
	}
	const incoming = `${file}.restoring`;
	copyFileSync(from, incoming);
	renameSync(incoming, file);
	checkDatabase(file);
	return { keptAs };
}

// `npm run backup` while people edit, `npm run restore` into a fresh data folder, and a server
// started on it holds every edit that had been acknowledged ("saved") when the backup began.
// The restore refuses a database a running server holds.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { eventually, signIn, synced, yjsClient, type YClient } from '../support/clients';
import { openTestDb } from '../support/db';
import { nextMeeting } from '../support/meeting-fixture';
import { agendaDocumentName } from '../../shared/documents';
import { MessageType } from '../../shared/collab';

const root = path.resolve(import.meta.dirname, '../..');
const servers: TestServer[] = [];
const clients: YClient[] = [];
const dirs: string[] = [];
afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const s of servers) await s.dispose();
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs one of the npm scripts' CLIs (as `npm run backup|restore` does) without blocking the test's event loop. */
function cli(
	script: 'backup' | 'restore',
	args: string[],
	env: Record<string, string>
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['--import', 'tsx', `server/cli/${script}.ts`, ...args],
			{ cwd: root, env: { ...process.env, ...env } },
			(error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
		);
	});
}

/** An editor whose "saved" acknowledgements are followed. */
function editor(url: string, name: string, cookie: string) {
	const client = yjsClient(url, name, cookie, { acks: '1' });
	clients.push(client);
	let saved = new Map<number, number>();
	client.provider.messageHandlers[MessageType.saved] = (_e, d) => void (saved = Y.decodeStateVector(decoding.readVarUint8Array(d)));
	const edits: { mark: string; clock: number }[] = [];
	return {
		client,
		edit(mark: string) {
			const text = client.doc.getText('backup');
			text.insert(text.length, mark);
			edits.push({ mark, clock: Y.getState(client.doc.store, client.doc.clientID) });
		},
		/** The marks the server has acknowledged as stored so far. */
		acknowledged: () => edits.filter((e) => e.clock <= (saved.get(client.doc.clientID) ?? 0)).map((e) => e.mark),
		edits
	};
}

describe('backup and restore (SQLite)', () => {
	it('a backup taken during live editing, restored into a fresh data folder, holds every acknowledged edit', async () => {
		const server = await startServer({ postgres: false });
		servers.push(server);
		const backups = mkdtempSync(path.join(tmpdir(), 'rahkar-backups-'));
		const fresh = mkdtempSync(path.join(tmpdir(), 'rahkar-restored-'));
		dirs.push(backups, fresh);
		const database = await openTestDb(server);
		const name = agendaDocumentName((await nextMeeting(database.db)).id);
		await database.close();
		const cookie = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
		const editors = [
			editor(server.url, name, cookie),
			editor(server.url, name, await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD))
		];
		for (const e of editors) await synced(e.client);

		// Both keep typing, before, during and after the backup.
		let n = 0;
		const typing = setInterval(() => editors.forEach((e, i) => e.edit(`[e${i}-${n++}]`)), 10);
		try {
			await eventually(() => editors.every((e) => e.acknowledged().length >= 20), 10_000, 'edits acknowledged');
			const savedBefore = editors.flatMap((e) => e.acknowledged());
			const typedBefore = editors.reduce((sum, e) => sum + e.edits.length, 0);
			const backup = await cli('backup', [], { DATABASE_URL: server.databaseUrl, RAHKAR_BACKUP_DIR: backups });
			expect(backup.code, backup.stderr).toBe(0);
			// The editors kept typing while it ran.
			expect(editors.reduce((sum, e) => sum + e.edits.length, 0)).toBeGreaterThan(typedBefore);
			const files = readdirSync(backups);
			expect(files).toHaveLength(1);
			expect(files[0]).toMatch(/^rahkar-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db$/);
			expect(backup.stdout).toContain(path.join(backups, files[0]));

			// Restoring over the live database is refused while its server runs, and changes nothing.
			const refused = await cli('restore', [path.join(backups, files[0])], { DATABASE_URL: server.databaseUrl });
			expect(refused.code).toBe(1);
			expect(refused.stderr).toMatch(/stop it first/);
			expect(readdirSync(path.dirname(server.databaseUrl.slice(5))).filter((f) => f.includes('before-restore'))).toEqual([]);

			// Restore into a fresh data folder and serve it.
			clearInterval(typing);
			const restoredUrl = `file:${path.join(fresh, 'rahkar.db')}`;
			const restore = await cli('restore', [path.join(backups, files[0])], { DATABASE_URL: restoredUrl });
			expect(restore.code, restore.stderr).toBe(0);
			expect(existsSync(path.join(fresh, 'rahkar.db'))).toBe(true);
			const restored = await startServer({ databaseUrl: restoredUrl });
			servers.push(restored);
			const reader = yjsClient(restored.url, name, await signIn(restored.url, 'moderator@rahkar.example', DEMO_PASSWORD));
			clients.push(reader);
			await synced(reader);
			const text = reader.doc.getText('backup').toString();
			expect(savedBefore.length).toBeGreaterThanOrEqual(40);
			expect(savedBefore.filter((mark) => !text.includes(mark))).toEqual([]);
		} finally {
			clearInterval(typing);
		}
	});

	it('refuses a damaged backup and leaves the database alone', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-damaged-'));
		dirs.push(dir);
		const bogus = path.join(dir, 'rahkar-bogus.db');
		(await import('node:fs')).writeFileSync(bogus, 'SQLite format 3\0 but not really a database');
		const result = await cli('restore', [bogus], { DATABASE_URL: `file:${path.join(dir, 'target.db')}` });
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/cannot be opened|integrity/);
		expect(existsSync(path.join(dir, 'target.db'))).toBe(false);
	});
});

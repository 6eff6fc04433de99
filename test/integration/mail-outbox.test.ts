// The outbox's claims on a real database (SQLite and PostgreSQL): two senders taking mail at
// the same time never hold the same row, a crashed sender's claim runs out and another takes
// the mail over, and a refused mail waits twice as long each time until it is given up.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../server/db/client';
import { claimNext, enqueueMail, markFailed, markSent } from '../../server/domain/mail/outbox';
import { scratchPostgres } from '../support/db';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

async function open(provider: 'sqlite' | 'postgresql'): Promise<Database> {
	if (provider === 'postgresql') return (await scratchPostgres('outbox', cleanups)).database;
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-outbox-'));
	const database = await openDatabase(`file:${path.join(dir, 'outbox.db')}`);
	cleanups.push(async () => {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return database;
}

const mail = (i: number) => ({
	kind: 'password-reset' as const,
	organisationId: null,
	to: { address: `claim-${i}@mail.test` },
	locale: 'en',
	payload: { token: `t${i}`, minutes: 60 }
});

describe.each(['sqlite', 'postgresql'] as const)('the outbox on %s', (provider) => {
	it('lets two senders racing for mail each take different rows, and all of them', async () => {
		const { db } = await open(provider);
		for (let i = 0; i < 30; i++) await enqueueMail(db, mail(i));
		const taken: Record<string, string[]> = { a: [], b: [] };
		const drain = async (holder: 'a' | 'b') => {
			for (;;) {
				const row = await claimNext(db, holder, 60_000);
				if (!row) return;
				taken[holder].push(row.id);
				await markSent(db, row.id, holder, `<${row.id}@mail.test>`);
			}
		};
		await Promise.all([drain('a'), drain('b'), drain('a'), drain('b')]);
		const all = [...taken.a, ...taken.b];
		expect(new Set(all).size).toBe(all.length);
		expect(all).toHaveLength(30);
		expect(await db.mailOutbox.count({ where: { status: 'SENT', attempts: 1 } })).toBe(30);
	});

	it('gives a crashed sender’s mail to another once its claim has run out, and not before', async () => {
		const { db } = await open(provider);
		const id = await enqueueMail(db, mail(100));
		const t0 = new Date();
		expect((await claimNext(db, 'crashed', 1000, t0))?.id).toBe(id);
		expect(await claimNext(db, 'other', 1000, new Date(t0.getTime() + 500))).toBeNull();
		const retaken = await claimNext(db, 'other', 1000, new Date(t0.getTime() + 1500));
		expect(retaken?.id).toBe(id);
		expect(retaken?.attempts).toBe(2);
		// The crashed sender, back, cannot record a mail it no longer holds.
		expect(await markSent(db, id, 'crashed', '<x@mail.test>')).toBe(false);
		expect(await markSent(db, id, 'other', '<x@mail.test>')).toBe(true);
	});

	it('waits twice as long after each refusal and gives up after the last attempt', async () => {
		const { db } = await open(provider);
		const id = await enqueueMail(db, mail(200));
		const rule = { retryMs: 1000, attempts: 3 };
		let now = new Date();
		const waits: number[] = [];
		for (let attempt = 1; attempt <= 3; attempt++) {
			const row = await claimNext(db, 'sender', 60_000, now);
			expect(row?.attempts).toBe(attempt);
			const status = await markFailed(db, row!, 'sender', { message: '451 try later', permanent: false }, rule, now);
			const after = await db.mailOutbox.findUniqueOrThrow({ where: { id } });
			if (attempt < 3) {
				expect(status).toBe('PENDING');
				waits.push(after.nextAttemptAt.getTime() - now.getTime());
				// Not due a moment before its time.
				expect(await claimNext(db, 'sender', 60_000, new Date(after.nextAttemptAt.getTime() - 1))).toBeNull();
				now = after.nextAttemptAt;
			} else {
				expect(status).toBe('FAILED');
				expect(after.lastError).toBe('451 try later');
			}
		}
		expect(waits).toEqual([1000, 2000]);
		expect(await claimNext(db, 'sender', 60_000, new Date(now.getTime() + 86_400_000))).toBeNull();
	});

	it('gives up at once on a permanent refusal', async () => {
		const { db } = await open(provider);
		await enqueueMail(db, mail(300));
		const row = await claimNext(db, 'sender', 60_000);
		expect(await markFailed(db, row!, 'sender', { message: '550 no such mailbox', permanent: true }, { retryMs: 1000, attempts: 8 })).toBe(
			'FAILED'
		);
	});
});

// The durable outbox: a mail is a row, written by the change that causes it in that change's
// own transaction (so a committed change always has its mail, and a rolled-back one never
// does), and sent later by the cluster's sender (sender.ts). A sender claims one row at a
// time with one conditional UPDATE, so two nodes never hold the same row; a claim that runs
// out (its sender crashed) lets another sender try again.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import { requireAdministrator, type Actor } from '../access';
import { DomainError } from '../errors';
import { DIGESTIBLE, type MailKind } from './kinds';

/** A Prisma client or an open transaction: the outbox writes into whichever the change uses. */
export type MailWriter = Pick<Db | Tx, 'mailOutbox' | 'mailPreference' | 'mailDigest'>;

export interface NewMail {
	kind: MailKind;
	organisationId: string | null;
	to: { address: string; name?: string };
	personId?: string | null;
	userId?: string | null;
	locale: string;
	payload: Record<string, unknown>;
	/** Makes the mail exist once whoever writes it (see enqueueOnce). */
	dedupeKey?: string;
}

/** Writes one mail into the outbox (call it with the transaction of the change). A notice for
 * someone who takes a digest waits for it (HELD) instead of going out on its own. */
export async function enqueueMail(db: MailWriter, mail: NewMail): Promise<string> {
	const held =
		DIGESTIBLE.has(mail.kind) && mail.personId
			? (await db.mailDigest.findUnique({ where: { personId: mail.personId }, select: { personId: true } })) !== null
			: false;
	const row = await db.mailOutbox.create({
		data: {
			status: held ? 'HELD' : 'PENDING',
			dedupeKey: mail.dedupeKey ?? null,
			kind: mail.kind,
			organisationId: mail.organisationId,
			toAddress: mail.to.address,
			toName: mail.to.name ?? '',
			personId: mail.personId ?? null,
			userId: mail.userId ?? null,
			locale: mail.locale === 'en' ? 'en' : 'fa',
			payload: JSON.stringify(mail.payload)
		},
		select: { id: true }
	});
	return row.id;
}

/** Writes a mail that must exist once (its dedupeKey): a second writer — a job's next run, or
 * the same job on another node — hits the unique index and writes nothing. Returns whether this
 * call wrote it. Not for use inside a transaction on PostgreSQL (the refused insert would end it). */
export async function enqueueOnce(db: MailWriter, mail: NewMail & { dedupeKey: string }): Promise<boolean> {
	if (await db.mailOutbox.findUnique({ where: { dedupeKey: mail.dedupeKey }, select: { id: true } })) return false;
	try {
		await enqueueMail(db, mail);
		return true;
	} catch (error) {
		if ((error as { code?: string }).code === 'P2002') return false;
		throw error;
	}
}

export type ClaimedMail = NonNullable<Awaited<ReturnType<Db['mailOutbox']['findUnique']>>>;

/** Rows a sender may take now: due ones, and ones whose sender's claim ran out. */
const claimable = (now: Date) => ({
	OR: [
		{ status: 'PENDING' as const, nextAttemptAt: { lte: now } },
		{ status: 'SENDING' as const, claimedUntil: { lt: now } }
	]
});

/** Claims the oldest claimable mail for `holder` until now + leaseMs; null when none is due.
 * The claim counts as an attempt, so a mail that crashes its sender every time still ends. */
export async function claimNext(db: Db, holder: string, leaseMs: number, now = new Date()): Promise<ClaimedMail | null> {
	for (let round = 0; round < 5; round++) {
		const next = await db.mailOutbox.findFirst({ where: claimable(now), orderBy: { createdAt: 'asc' }, select: { id: true } });
		if (!next) return null;
		const taken = await db.mailOutbox.updateMany({
			where: { id: next.id, ...claimable(now) },
			data: { status: 'SENDING', claimedBy: holder, claimedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } }
		});
		if (taken.count === 1) return db.mailOutbox.findUnique({ where: { id: next.id } });
		// Another sender took it between the read and the update: look again.
	}
	return null;
}

/** Records a delivered mail; false when this holder's claim was lost meanwhile. */
export async function markSent(db: Db, id: string, holder: string, messageId: string, now = new Date()): Promise<boolean> {
	const done = await db.mailOutbox.updateMany({
		where: { id, claimedBy: holder, status: 'SENDING' },
		data: { status: 'SENT', sentAt: now, messageId, claimedUntil: null, lastError: null }
	});
	return done.count === 1;
}

export interface RetryRule {
	/** The first retry's wait; each further one waits twice as long (at most six hours). */
	retryMs: number;
	/** Attempts before the mail is given up as FAILED. */
	attempts: number;
}

/** Records a failed attempt: back to PENDING after a growing wait, or FAILED when the error is
 * permanent or the attempts are spent. Returns the new status. */
export async function markFailed(
	db: Db,
	mail: Pick<ClaimedMail, 'id' | 'attempts'>,
	holder: string,
	error: { message: string; permanent: boolean },
	rule: RetryRule,
	now = new Date()
): Promise<'PENDING' | 'FAILED'> {
	const giveUp = error.permanent || mail.attempts >= rule.attempts;
	const wait = Math.min(rule.retryMs * 2 ** Math.max(0, mail.attempts - 1), 6 * 60 * 60_000);
	await db.mailOutbox.updateMany({
		where: { id: mail.id, claimedBy: holder, status: 'SENDING' },
		data: {
			status: giveUp ? 'FAILED' : 'PENDING',
			lastError: error.message.slice(0, 1000),
			claimedUntil: null,
			nextAttemptAt: giveUp ? now : new Date(now.getTime() + wait)
		}
	});
	return giveUp ? 'FAILED' : 'PENDING';
}

/** Mails given up after their retries, newest first, for an administrator of the organisation. */
export async function failedMails(db: Db, actor: Actor, limit = 200) {
	requireAdministrator(actor);
	return db.mailOutbox.findMany({
		where: { status: 'FAILED', organisationId: actor.organisationId },
		orderBy: { updatedAt: 'desc' },
		take: limit,
		select: { id: true, kind: true, toAddress: true, attempts: true, lastError: true, createdAt: true, updatedAt: true }
	});
}

/** An administrator sends a failed mail again: it is due now with a fresh count of attempts. */
export async function retryFailedMail(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
	requireAdministrator(actor);
	const done = await db.mailOutbox.updateMany({
		where: { id, status: 'FAILED', organisationId: actor.organisationId },
		data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, claimedBy: null, claimedUntil: null }
	});
	if (done.count === 0) throw new DomainError('NOT_FOUND', 'no such failed mail');
}

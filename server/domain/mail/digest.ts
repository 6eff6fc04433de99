// The digest: someone who chose a daily or weekly digest gets their notices (the DIGESTIBLE
// kinds) gathered into one mail instead of one mail each. enqueueMail holds such a notice
// (HELD); the digest job (server/http/jobs.ts) writes, when a person's period is up, one
// digest mail listing what is held and marks those rows DIGESTED, all in one transaction that
// first moves the person's next due time on — so two runs, or two nodes, make one digest.
import type { Db } from '../../db/client';
import type { DigestCadence } from '../../../shared/mail';
import type { MailKind } from './kinds';
import type { MailWriter } from './outbox';

export interface DigestPayload {
	cadence: Exclude<DigestCadence, 'off'>;
	/** The gathered notices, oldest first, as their own rows would have said them. */
	items: { kind: MailKind; payload: Record<string, unknown>; createdAt: string }[];
}

class ChangedMeanwhile extends Error {}

const PERIOD_MS = { daily: 86_400_000, weekly: 7 * 86_400_000 } as const;

export async function digestCadence(db: Pick<Db, 'mailDigest'>, personId: string): Promise<DigestCadence> {
	const row = await db.mailDigest.findUnique({ where: { personId }, select: { cadence: true } });
	return row?.cadence === 'daily' || row?.cadence === 'weekly' ? row.cadence : 'off';
}

/** Sets how a person's notices come. Turning the digest off lets what it held go out now, one
 * by one; choosing a new period starts it from now. */
export async function setDigestCadence(db: MailWriter, personId: string, cadence: DigestCadence, now = new Date()): Promise<void> {
	if (cadence === 'off') {
		await db.mailDigest.deleteMany({ where: { personId } });
		await db.mailOutbox.updateMany({ where: { personId, status: 'HELD' }, data: { status: 'PENDING', nextAttemptAt: now } });
		return;
	}
	const nextDueAt = new Date(now.getTime() + PERIOD_MS[cadence]);
	const current = await db.mailDigest.findUnique({ where: { personId }, select: { cadence: true } });
	if (current?.cadence === cadence) return;
	await db.mailDigest.upsert({ where: { personId }, create: { personId, cadence, nextDueAt }, update: { cadence, nextDueAt } });
}

/** Writes the digests due now; returns how many it wrote (a period with nothing held writes none). */
export async function sendDueDigests(db: Db, now = new Date()): Promise<number> {
	const due = await db.mailDigest.findMany({ where: { nextDueAt: { lte: now } }, take: 500 });
	let written = 0;
	for (const d of due) {
		const cadence = d.cadence === 'weekly' ? 'weekly' : 'daily';
		// The next due time after now, on the person's own rhythm (a missed period is not made up).
		const periods = Math.floor((now.getTime() - d.nextDueAt.getTime()) / PERIOD_MS[cadence]) + 1;
		const next = new Date(d.nextDueAt.getTime() + periods * PERIOD_MS[cadence]);
		const wrote = await db
			.$transaction(async (tx) => {
				// Whoever moves the due time on makes this digest; another run finds it moved.
				const moved = await tx.mailDigest.updateMany({
					where: { personId: d.personId, nextDueAt: d.nextDueAt },
					data: { nextDueAt: next }
				});
				if (moved.count !== 1) return false;
				const held = await tx.mailOutbox.findMany({ where: { personId: d.personId, status: 'HELD' }, orderBy: { createdAt: 'asc' } });
				if (held.length === 0) return false;
				const last = held[held.length - 1];
				const payload: DigestPayload = {
					cadence,
					items: held.map((h) => ({ kind: h.kind as MailKind, payload: JSON.parse(h.payload), createdAt: h.createdAt.toISOString() }))
				};
				const digest = await tx.mailOutbox.create({
					data: {
						kind: 'digest',
						organisationId: last.organisationId,
						toAddress: last.toAddress,
						toName: last.toName,
						personId: d.personId,
						userId: last.userId,
						locale: last.locale,
						payload: JSON.stringify(payload),
						dedupeKey: `digest:${d.personId}:${d.nextDueAt.toISOString()}`
					},
					select: { id: true }
				});
				const gathered = await tx.mailOutbox.updateMany({
					where: { id: { in: held.map((h) => h.id) }, status: 'HELD' },
					data: { status: 'DIGESTED', digestId: digest.id }
				});
				// Some were let go meanwhile (the digest turned off): try again at the next run.
				if (gathered.count !== held.length) throw new ChangedMeanwhile();
				return true;
			})
			.catch((error: unknown) => {
				if (error instanceof ChangedMeanwhile) return false;
				throw error;
			});
		if (wrote) written++;
	}
	return written;
}

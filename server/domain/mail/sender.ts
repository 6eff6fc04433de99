// The sender job (once per cluster, server/http/jobs.ts): claims due mails one at a time,
// sends each and records the result before taking the next. A mail is marked SENT right after
// the server accepted it; if the sender dies in between, the claim runs out and the mail is
// sent again with the same Message-ID (at least once, never silently lost) — the window is
// one statement long. A claim is only ever held by one sender, so two nodes never send one
// mail at the same time.
import type { Db } from '../../db/client';
import type { MailTransport } from '../../mail/transport';
import { claimNext, markFailed, markSent, type RetryRule } from './outbox';
import { renderMail, type RenderContext } from './render';
import { linkKey } from './links';

export interface SenderOptions extends RetryRule {
	holder: string;
	leaseMs: number;
	/** How many mails one round sends at most (the next round goes on). */
	batch?: number;
	origin(): string;
	from: string;
}

export interface SendRound {
	sent: number;
	retrying: number;
	failed: number;
}

/** Sends what is due now; returns what happened. */
export async function sendDueMails(db: Db, transport: MailTransport, options: SenderOptions): Promise<SendRound> {
	const round: SendRound = { sent: 0, retrying: 0, failed: 0 };
	const key = await linkKey(db);
	for (let i = 0; i < (options.batch ?? 50); i++) {
		const mail = await claimNext(db, options.holder, options.leaseMs);
		if (!mail) break;
		const ctx: RenderContext = { origin: options.origin(), key, from: options.from };
		let outgoing;
		try {
			outgoing = renderMail(mail, ctx);
			await transport.send(outgoing);
		} catch (error) {
			const e = error as { message?: string; permanent?: boolean };
			// A mail that cannot be rendered will not render next time either.
			const permanent = outgoing === undefined || e.permanent === true;
			const status = await markFailed(db, mail, options.holder, { message: String(e.message ?? error), permanent }, options);
			if (status === 'FAILED') round.failed++;
			else round.retrying++;
			continue;
		}
		await markSent(db, mail.id, options.holder, outgoing.messageId);
		round.sent++;
	}
	return round;
}

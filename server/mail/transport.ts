// How mail leaves Rahkar: SMTP through nodemailer when SMTP_URL is set, otherwise one .eml
// file per mail in a local folder, so `npm start` needs no mail server (and a developer, or
// a browser test, can open what would have been sent).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { MailConfig } from '../config';

/** One rendered mail, ready to go (server/domain/mail/render.ts builds it). */
export interface OutgoingMail {
	/** The same Message-ID on every attempt, so a receiver can drop a repeat. */
	messageId: string;
	to: { name: string; address: string };
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	/** An iCalendar invitation, sent as the text/calendar part calendar apps act on. */
	calendar?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
}

/** Why an attempt failed; `permanent` when trying again cannot help (a 5xx answer). */
export class MailSendError extends Error {
	constructor(
		message: string,
		readonly permanent: boolean
	) {
		super(message);
	}
}

export interface MailTransport {
	/** What it sends through, for the start-up log. */
	readonly describe: string;
	send(mail: OutgoingMail): Promise<void>;
	close(): void;
}

function message(from: string, mail: OutgoingMail): SendMailOptions {
	return {
		from,
		to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
		subject: mail.subject,
		text: mail.text,
		html: mail.html,
		messageId: mail.messageId,
		headers: mail.headers,
		...(mail.calendar
			? { icalEvent: { method: mail.calendar.method, filename: mail.calendar.filename, content: mail.calendar.content } }
			: {})
	};
}

function smtpError(error: unknown): MailSendError {
	const e = error as { message?: string; responseCode?: number };
	const code = typeof e.responseCode === 'number' ? e.responseCode : 0;
	return new MailSendError(String(e.message ?? error), code >= 500 && code < 600);
}

/** A nodemailer transport made on first use: nodemailer is loaded when the first mail
 * goes out, not at start-up. */
function lazyTransport(options: Parameters<typeof import('nodemailer').createTransport>[0]) {
	let made: Promise<Transporter> | null = null;
	let closed = false;
	return {
		get: () =>
			(made ??= import('nodemailer').then(({ default: nodemailer }) => {
				const transport = nodemailer.createTransport(options);
				if (closed) transport.close();
				return transport;
			})),
		close() {
			closed = true;
			void made?.then((transport) => transport.close());
		}
	};
}

/** The transport the configuration asks for. */
export function createMailTransport(config: MailConfig): MailTransport {
	if (config.smtpUrl) {
		const url = new URL(config.smtpUrl);
		// Timeouts well inside the outbox's claim (RAHKAR_MAIL_LEASE_SECONDS), so a hung
		// server fails the attempt before another sender may take the mail over.
		const timeout = Math.max(1000, Math.floor(config.leaseMs / 3));
		const smtp = lazyTransport({
			url: config.smtpUrl,
			connectionTimeout: timeout,
			greetingTimeout: timeout,
			socketTimeout: timeout
		});
		return {
			describe: `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
			async send(mail) {
				try {
					await (await smtp.get()).sendMail(message(config.from, mail));
				} catch (error) {
					throw smtpError(error);
				}
			},
			close: () => smtp.close()
		};
	}
	const files = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		describe: `files in ${config.outboxDir}`,
		async send(mail) {
			const info = await (await files.get()).sendMail(message(config.from, mail));
			await mkdir(config.outboxDir, { recursive: true });
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^a-zA-Z0-9-]/g, '')}.eml`;
			const file = path.join(config.outboxDir, name);
			// Written whole, then renamed: a reader of the folder never sees half a mail.
			await writeFile(`${file}.tmp`, info.message as Buffer);
			await rename(`${file}.tmp`, file);
		},
		close: () => files.close()
	};
}

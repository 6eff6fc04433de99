// A real SMTP server on loopback (the smtp-server library) for tests that receive Rahkar's
// mail: every accepted message is parsed with mailparser. It can refuse the next messages
// (a temporary 451 or a permanent 550) and hold one before answering, as a slow server does.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { eventually } from './clients';

export interface Received {
	raw: string;
	mail: ParsedMail;
	to: string[];
}

export interface TestSmtp {
	url: string;
	received: Received[];
	/** Answers the next `n` messages with `code` (451: try later; 550: never). */
	refuse(n: number, code?: number): void;
	/** Refuses every message to this address permanently (550). */
	bounce(address: string): void;
	/** Holds a message after its data arrived, before answering (the one after `pass` more are
	 * accepted); resolves when it is held. */
	holdNext(pass?: number): Promise<void>;
	/** Accepts mail to an address refused with bounce() again. */
	unbounce(address: string): void;
	/** Answers the held message (accepting it only if its sender is still connected). */
	release(): void;
	/** Resolves with the mails to `address` once there are at least `count`. */
	mailsTo(address: string, count?: number, ms?: number): Promise<Received[]>;
	close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
	const received: Received[] = [];
	let refusals: { left: number; code: number } = { left: 0, code: 451 };
	const bounced = new Set<string>();
	const closedSessions = new Set<string>();
	let holdRequested: (() => void) | null = null;
	let passBeforeHold = 0;
	let held: (() => void) | null = null;

	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onClose(session) {
			closedSessions.add(session.id);
		},
		onRcptTo(address, _session, callback) {
			if (bounced.has(address.address.toLowerCase())) {
				const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
				return callback(error);
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const answer = async () => {
					if (refusals.left > 0) {
						refusals.left--;
						return callback(Object.assign(new Error('try again later'), { responseCode: refusals.code }));
					}
					// A message whose sender went away before our answer was never delivered.
					if (closedSessions.has(session.id)) return callback(new Error('gone'));
					const raw = Buffer.concat(chunks).toString('utf8');
					received.push({ raw, mail: await simpleParser(raw), to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()) });
					callback();
				};
				if (holdRequested && passBeforeHold === 0) {
					const signal = holdRequested;
					holdRequested = null;
					held = () => void answer();
					signal();
				} else {
					if (holdRequested) passBeforeHold--;
					void answer();
				}
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as { port: number }).port;

	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		refuse(n, code = 451) {
			refusals = { left: n, code };
		},
		bounce(address) {
			bounced.add(address.toLowerCase());
		},
		holdNext(pass = 0) {
			passBeforeHold = pass;
			return new Promise<void>((resolve) => (holdRequested = resolve));
		},
		unbounce(address) {
			bounced.delete(address.toLowerCase());
		},
		release() {
			const h = held;
			held = null;
			// Give a connection that was cut a moment to be seen closed before answering it.
			if (h) setTimeout(h, 300);
		},
		async mailsTo(address, count = 1, ms = 15_000) {
			const mine = () => received.filter((r) => r.to.includes(address.toLowerCase()));
			await eventually(() => mine().length >= count, ms, `${count} mail(s) to ${address}`);
			return mine();
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

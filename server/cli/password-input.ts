// Reading a password without echoing it: a hidden prompt (asked twice) on a terminal, or
// the first line of standard input when it is piped (`printf '%s\n' "$PW" | npm run …`).
import { text } from 'node:stream/consumers';

export class PasswordInputError extends Error {}

/** The password from a hidden prompt, or the first line of piped standard input. */
export async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		const input = await text(process.stdin);
		return input.split(/\r?\n/, 1)[0] ?? '';
	}
	const first = await promptHidden('Password: ');
	const second = await promptHidden('Repeat the password: ');
	if (first !== second) throw new PasswordInputError('The two passwords differ.');
	return first;
}

/** Asks on stderr (stdout stays clean for scripts) and reads keys in raw mode, echoing nothing. */
function promptHidden(question: string): Promise<string> {
	const { stdin, stderr } = process;
	stderr.write(question);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise((resolve, reject) => {
		let chars: string[] = [];
		const done = (error?: Error) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			stderr.write('\n');
			if (error) reject(error);
			else resolve(chars.join(''));
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
				if (ch === '\u0003') return done(new PasswordInputError('Cancelled.'));
				if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
				else if (ch >= ' ') chars.push(ch);
			}
		};
		stdin.on('data', onData);
	});
}

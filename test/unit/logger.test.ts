// The logger censors secrets by field, takes the ids of its scope, and keeps a client's
// request id only when it is a short safe token.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { configureLogger, requestId } from '../../server/observability/logger';
import { withLogScope } from '../../server/observability/log-scope';
import { loadConfig } from '../../server/config';

function captured() {
	const lines: Record<string, unknown>[] = [];
	const destination = new Writable({
		write(chunk: Buffer, _encoding, done) {
			for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
			done();
		}
	});
	return { lines, log: configureLogger({ level: 'info', format: 'json', destination }) };
}

describe('logger', () => {
	it('censors passwords, cookies, authorisation headers and tokens', () => {
		const { lines, log } = captured();
		log.info(
			{
				password: 'p-secret-1',
				body: { password: 'p-secret-2', token: 't-secret-1' },
				req: { headers: { cookie: 'c-secret-1', authorization: 'Bearer a-secret-1' } },
				headers: { cookie: 'c-secret-2' },
				token: 't-secret-2'
			},
			'something'
		);
		const text = JSON.stringify(lines);
		for (const secret of ['p-secret-1', 'p-secret-2', 't-secret-1', 't-secret-2', 'c-secret-1', 'c-secret-2', 'a-secret-1'])
			expect(text).not.toContain(secret);
		expect(lines[0]).toMatchObject({ password: '[redacted]', req: { headers: { cookie: '[redacted]' } } });
	});

	it('puts the ids of the current scope on every line, not its route', async () => {
		const { lines, log } = captured();
		await withLogScope({ reqId: 'r-1', route: '/x' }, async () => {
			await new Promise((r) => setTimeout(r, 1));
			log.info('inside');
		});
		log.info('outside');
		expect(lines[0]).toMatchObject({ reqId: 'r-1', msg: 'inside' });
		expect(lines[0]).not.toHaveProperty('route');
		expect(lines[1]).not.toHaveProperty('reqId');
	});

	it('keeps a safe client request id and replaces anything else', () => {
		expect(requestId('abc-DEF_12.34')).toBe('abc-DEF_12.34');
		for (const bad of [undefined, 'short', 'has space in it', 'x'.repeat(65), 'semi;colon1', '../../etc/passwd'])
			expect(requestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('writes JSON unless NODE_ENV is development (or LOG_FORMAT says otherwise)', () => {
		expect(loadConfig({ NODE_ENV: 'production' }).log.format).toBe('json');
		expect(loadConfig({}).log.format).toBe('pretty');
		expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
		expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
	});
});

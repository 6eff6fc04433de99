import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { useSecureCookies } from '../../server/auth/auth';

describe('loadConfig', () => {
	it('defaults to port 3000 and a SQLite file under data/', () => {
		const c = loadConfig({});
		expect(c.port).toBe(3000);
		expect(c.databaseProvider).toBe('sqlite');
		expect(c.databaseUrl).toMatch(/^file:\/.*data\/rahkar\.db$/);
		expect(c.demo).toBe(true);
	});

	it('selects PostgreSQL from a postgres:// URL', () => {
		expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseProvider).toBe('postgresql');
	});

	it('lists every invalid variable in one clear error', () => {
		let error: unknown;
		try {
			loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RAHKAR_DEMO: 'yes', REDIS_URL: 'http://x' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		for (const name of ['PORT', 'DATABASE_URL', 'RAHKAR_DEMO', 'REDIS_URL']) expect(message).toContain(name);
	});

	it('makes cookies Secure in production, unless the public origin is plain http', () => {
		expect(useSecureCookies(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
		expect(useSecureCookies(loadConfig({}))).toBe(false);
		expect(useSecureCookies(loadConfig({ NODE_ENV: 'production', ORIGIN: 'http://intranet.local' }))).toBe(false);
		expect(useSecureCookies(loadConfig({ ORIGIN: 'https://rahkar.example.org' }))).toBe(true);
	});
});

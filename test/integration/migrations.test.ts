// The migrations of both providers, replayed into scratch databases, match the schema.
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

describe('migrations', () => {
	it('match prisma/schema.prisma on SQLite and on PostgreSQL', () => {
		const postgres = inject('postgresUrl');
		expect(postgres, 'PostgreSQL is needed: set TEST_POSTGRES_URL or install initdb/pg_ctl').toBeTruthy();
		const out = execFileSync(process.execPath, ['scripts/db.mjs', 'check'], {
			env: { ...process.env, TEST_POSTGRES_URL: postgres! },
			encoding: 'utf8'
		});
		expect(out).toContain('sqlite: migrations match schema');
		expect(out).toContain('postgresql: migrations match schema');
	});
});

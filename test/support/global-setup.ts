// Integration runs get a PostgreSQL server: TEST_POSTGRES_URL when given (CI starts one),
// otherwise a throwaway cluster started here. TEST_DATABASE=postgres runs every server
// of the suite on PostgreSQL instead of SQLite.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string | null;
	}
}

export default async function setup(project: TestProject) {
	let url = process.env.TEST_POSTGRES_URL ?? null;
	let stop = () => {};
	if (!url) {
		const pg = await startPostgres();
		if (pg) {
			url = pg.url;
			stop = pg.stop;
		}
	}
	project.provide('postgresUrl', url);
	return () => stop();
}

// `npm run restore -- <backup file>`: puts a backup made by `npm run backup` in place of the
// SQLite database DATABASE_URL names. Stop the server first: the restore refuses a database
// that a running server holds. The database it replaces is kept beside it.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { BackupError, restoreSqlite } from '../db/sqlite-backup';

const USAGE = `Usage: npm run restore -- <backup file>

Stop every Rahkar server using the database first. Checks the backup (PRAGMA
integrity_check), keeps the current database as <name>.before-restore-<time>, and puts
the backup in its place. For PostgreSQL use pg_restore (see the README).
Exit codes: 0 done, 1 failed (the backup is damaged, or a server holds the database), 2 bad usage.`;

function run(argv: string[]): number {
	const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean' } }, allowPositionals: true });
	if (values.help || positionals.length !== 1) {
		console.log(USAGE);
		return values.help ? 0 : 2;
	}
	const config = loadConfig(process.env);
	if (config.databaseProvider !== 'sqlite') {
		console.error('DATABASE_URL is PostgreSQL: restore it with pg_restore (README, "Backups").');
		return 2;
	}
	const file = config.databaseUrl.slice('file:'.length);
	const { keptAs } = restoreSqlite(path.resolve(positionals[0]), file);
	console.log(
		`Restored ${file} from ${positionals[0]} (integrity checked).${keptAs ? ` The previous database is kept as ${keptAs}.` : ''}`
	);
	return 0;
}

try {
	process.exit(run(process.argv.slice(2)));
} catch (error) {
	console.error(error instanceof BackupError || error instanceof ConfigError || error instanceof TypeError ? error.message : error);
	process.exit(error instanceof ConfigError || error instanceof TypeError ? 2 : 1);
}

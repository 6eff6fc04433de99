// `npm run backup [-- --dir <folder>]`: an online backup of the SQLite database into
// RAHKAR_BACKUP_DIR (default ./data/backups) as rahkar-<time>.db, while the server runs.
// PostgreSQL is backed up with its own tools (README, "Backups").
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { BackupError, backupSqlite } from '../db/sqlite-backup';

const USAGE = `Usage: npm run backup [-- --dir <folder>]

Copies the SQLite database that DATABASE_URL names into the folder (default
RAHKAR_BACKUP_DIR, ./data/backups) as rahkar-<time>.db, checked before it is named.
Safe while the server runs. For PostgreSQL use pg_dump (see the README).
Exit codes: 0 done, 1 failed, 2 bad usage or a PostgreSQL database.`;

async function run(argv: string[]): Promise<number> {
	const { values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, help: { type: 'boolean' } } });
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const config = loadConfig(process.env);
	if (config.databaseProvider !== 'sqlite') {
		console.error('DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (README, "Backups").');
		return 2;
	}
	const started = Date.now();
	const file = await backupSqlite(config.databaseUrl.slice('file:'.length), path.resolve(values.dir ?? config.backupDir));
	console.log(`Backed up to ${file} (${Date.now() - started} ms, integrity checked).`);
	return 0;
}

run(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof BackupError || error instanceof ConfigError || error instanceof TypeError ? error.message : error);
		process.exit(error instanceof ConfigError || error instanceof TypeError ? 2 : 1);
	}
);

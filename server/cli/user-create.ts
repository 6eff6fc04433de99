// `npm run user:create -- --email … --name … [--admin]`: creates an account, typically the
// first administrator of an installation started with RAHKAR_DEMO=0. The password comes
// from --password, a hidden prompt on a terminal, or the first line of piped stdin.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { seedIfEmpty } from '../db/seed';
import { createAuth } from '../auth/auth';
import { sessionSecret } from '../http/secret';
import { NewUser, createUser } from '../domain/users';
import { DomainError } from '../domain/errors';
import { PasswordInputError, readPassword } from './password-input';

/** Exit codes, so provisioning scripts can tell "already there" from a real failure. */
export const EXIT = { ok: 0, failed: 1, usage: 2, exists: 3 } as const;

const USAGE = `Usage: npm run user:create -- --email <email> --name <name> [--admin] [--password <password>] [--organisation <id>]

Creates a user who signs in with email and password. Without --password the password is
asked for (hidden) on a terminal, or read from the first line of standard input.
The database is the one DATABASE_URL names (default file:./data/rahkar.db); an empty
database is migrated and given an (empty) organisation first.

Exit codes: 0 created, 1 failed, 2 bad usage or input, 3 the email is taken.`;

class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: number
	) {
		super(message);
	}
}

const Identity = NewUser.pick({ email: true, name: true, isAdmin: true });
const Password = NewUser.shape.password;

interface Args {
	identity: z.input<typeof Identity>;
	password?: string;
	organisation?: string;
}

function parseInput(argv: string[]): Args | null {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				email: { type: 'string' },
				name: { type: 'string' },
				admin: { type: 'boolean', default: false },
				password: { type: 'string' },
				organisation: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true
		}));
	} catch (error) {
		throw new CliError(`${(error as Error).message}\n\n${USAGE}`, EXIT.usage);
	}
	if (values.help) return null;
	if (values.email === undefined || values.name === undefined)
		throw new CliError(`--email and --name are required.\n\n${USAGE}`, EXIT.usage);
	return {
		identity: { email: values.email, name: values.name, isAdmin: values.admin },
		password: values.password,
		organisation: values.organisation
	};
}

/** Parses with a schema, or fails listing every problem at once. */
function validate<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.output<T> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const lines = parsed.error.issues.map((i) => `  ${[field, ...i.path].filter((p) => p !== undefined).join('.')}: ${i.message}`);
	throw new CliError(`Invalid input:\n${lines.join('\n')}`, EXIT.usage);
}

async function run(argv: string[]): Promise<number> {
	const args = parseInput(argv);
	if (!args) {
		console.log(USAGE);
		return EXIT.ok;
	}
	let config;
	try {
		config = loadConfig(process.env);
	} catch (error) {
		if (error instanceof ConfigError) throw new CliError(error.message, EXIT.usage);
		throw error;
	}
	// Check name and email before asking, so a typo does not cost a password prompt.
	const identity = validate(Identity, args.identity);
	const password = validate(Password, args.password ?? (await readPassword()), 'password');
	const database = await openDatabase(config.databaseUrl);
	try {
		const { db } = database;
		// The same secret the server uses (RAHKAR_SECRET or the one kept in the database).
		const auth = createAuth({ db, config, secret: await sessionSecret(db, process.env.RAHKAR_SECRET) });
		const seeded = await seedIfEmpty({ db, auth }, { demo: false });
		if (seeded) console.error(`Created an empty organisation (${seeded.organisationId}).`);
		const organisationId = args.organisation ?? seeded?.organisationId ?? (await onlyOrganisation(db));
		if (!(await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
			throw new CliError(`No organisation with id ${organisationId}.`, EXIT.usage);
		}
		const user = await createUser({ db, auth }, { ...identity, password, organisationId });
		console.log(`Created ${identity.isAdmin ? 'administrator' : 'user'} ${user.email} (${user.id}).`);
		return EXIT.ok;
	} finally {
		await database.close();
	}
}

async function onlyOrganisation(db: import('../db/client').Db): Promise<string> {
	const organisations = await db.organisation.findMany({ select: { id: true, name: true }, take: 10 });
	if (organisations.length === 1) return organisations[0].id;
	const list = organisations.map((o) => `  ${o.id}  ${o.name}`).join('\n');
	throw new CliError(`This database has several organisations; choose one with --organisation <id>:\n${list}`, EXIT.usage);
}

run(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof CliError || error instanceof PasswordInputError) {
			console.error(error.message);
			process.exit(error instanceof CliError ? error.exitCode : EXIT.usage);
		}
		if (error instanceof DomainError && error.code === 'CONFLICT') {
			console.error('A user with this email already exists.');
			process.exit(EXIT.exists);
		}
		console.error(error);
		process.exit(EXIT.failed);
	}
);

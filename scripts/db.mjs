// Prisma tooling that works without Prisma's binary host (see README, "Database").
//   node scripts/db.mjs schema          render prisma/postgresql/schema.prisma from prisma/schema.prisma
//   node scripts/db.mjs generate        render, then generate both clients (CLI with a stub engine)
//   node scripts/db.mjs new <name>      write a migration for both providers (Wasm schema engine)
//   node scripts/db.mjs check           replay migrations into scratch databases and fail on drift
//                                       (PostgreSQL too when TEST_POSTGRES_URL is set)
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);
const SOURCE = 'prisma/schema.prisma';
const PROVIDERS = {
	sqlite: { schema: SOURCE, migrations: 'prisma/migrations/sqlite' },
	postgresql: { schema: 'prisma/postgresql/schema.prisma', migrations: 'prisma/migrations/postgresql' }
};
// Full-text index tables written by hand in migrations (Prisma cannot express them);
// PostgreSQL wants schema-qualified names.
const EXTERNAL = {
	sqlite: [
		...['', '_data', '_idx', '_docsize', '_config'].map((suffix) => `SearchDocumentFts${suffix}`),
		// The databank's trigram index (migration people_trigram_search).
		'PersonTextKey',
		...['', '_data', '_idx', '_content', '_docsize', '_config'].map((suffix) => `PersonTextFts${suffix}`)
	],
	postgresql: ['public.SearchDocumentTsv']
};
const filtersFor = (provider) => ({ externalTables: EXTERNAL[provider], externalEnums: [] });

async function renderSchemas() {
	const source = await readFile(SOURCE, 'utf8');
	const pg =
		`// GENERATED from ${SOURCE} by scripts/db.mjs — edit the source, not this file.\n` +
		source
			.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
			.replace(/output\s*=\s*"\.\/generated\/sqlite"/, 'output   = "../generated/postgresql"')
			// Lines only PostgreSQL understands are written in the source as `//@pg <line>`.
			.replace(/^(\s*)\/\/@pg /gm, '$1');
	await mkdir(path.dirname(PROVIDERS.postgresql.schema), { recursive: true });
	await writeFile(PROVIDERS.postgresql.schema, pg);
	return { sqlite: source, postgresql: pg };
}

function generate() {
	const env = {
		...process.env,
		CHECKPOINT_DISABLE: '1',
		// A stub that exits 1: `generate` needs no engine, and anything that does fails loudly.
		PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'scripts/no-schema-engine')
	};
	const cli = require.resolve('prisma/build/index.js');
	for (const cfg of Object.values(PROVIDERS)) {
		execFileSync(process.execPath, [cli, 'generate', '--schema', cfg.schema], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	}
}

let wasm;
async function engine(schemaFile, content, factory) {
	if (!wasm) {
		globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
			message: '',
			set_message(m) {
				this.message = m;
			}
		};
		wasm = await import('@prisma/schema-engine-wasm/schema_engine_bg');
		const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
		const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
		const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': wasm });
		wasm.__wbg_set_wasm(instance.exports);
		instance.exports.__wbindgen_start();
	}
	const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
	return wasm.SchemaEngine.new({ datamodels: [[schemaFile, content]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
}

// The engine wants a connected adapter even for a schema-to-schema diff (PostgreSQL runs
// one version probe). This adapter answers the probe and ignores the rest: no database needed.
async function offlineFactory(provider) {
	const { ColumnTypeEnum } = await import('@prisma/driver-adapter-utils');
	const prov = provider === 'sqlite' ? 'sqlite' : 'postgres';
	const connection = () => ({
		provider: prov,
		adapterName: 'rahkar-offline',
		queryRaw: async (q) =>
			/version\(\)/.test(q.sql)
				? {
						columnNames: ['exists', 'version', 'numeric_version'],
						columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
						rows: [[true, 'PostgreSQL 15.0', 150000]]
					}
				: { columnNames: [], columnTypes: [], rows: [] },
		executeRaw: async () => 0,
		executeScript: async () => {},
		startTransaction: async () => {
			throw new Error('offline adapter has no transactions');
		},
		getConnectionInfo: () => ({ supportsRelationJoins: true }),
		dispose: async () => {}
	});
	return { provider: prov, adapterName: 'rahkar-offline', connect: async () => connection(), connectToShadowDb: async () => connection() };
}

// adapter-pg rejects pg_catalog's "char" type (OID 18) that introspection returns: report it as text.
function reportCharAsText(factory) {
	const connect = factory.connect.bind(factory);
	factory.connect = async () => {
		const adapter = await connect();
		const performIO = adapter.performIO.bind(adapter);
		adapter.performIO = async (q) => {
			const result = await performIO(q);
			for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
			return result;
		};
		return adapter;
	};
	return factory;
}

async function migrationsList(dir) {
	const names = existsSync(dir)
		? (await readdir(dir, { withFileTypes: true }))
				.filter((d) => d.isDirectory())
				.map((d) => d.name)
				.sort()
		: [];
	const lock = path.join(dir, 'migration_lock.toml');
	return {
		baseDir: path.resolve(dir),
		shadowDbInitScript: '',
		lockfile: { path: 'migration_lock.toml', content: existsSync(lock) ? await readFile(lock, 'utf8') : null },
		migrationDirectories: await Promise.all(
			names.map(async (d) => ({
				path: d,
				migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: await readFile(path.join(dir, d, 'migration.sql'), 'utf8') } }
			}))
		)
	};
}

async function newMigration(name, schemas) {
	if (!/^[a-z0-9_]+$/.test(name ?? '')) throw new Error('usage: npm run db:new -- <snake_case_name>');
	const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	for (const [provider, cfg] of Object.entries(PROVIDERS)) {
		// The schema as of the latest migration, so a new migration is a pure schema diff.
		const snapshot = path.join(cfg.migrations, 'schema.snapshot.prisma');
		const se = await engine(cfg.schema, schemas[provider], await offlineFactory(provider));
		const from = existsSync(snapshot)
			? { tag: 'schemaDatamodel', files: [{ path: snapshot, content: await readFile(snapshot, 'utf8') }] }
			: { tag: 'empty' };
		const r = await se.diff({
			from,
			to: { tag: 'schemaDatamodel', files: [{ path: cfg.schema, content: schemas[provider] }] },
			script: true,
			exitCode: true,
			filters: filtersFor(provider)
		});
		if (r.exitCode === 0) {
			console.log(`${provider}: no changes`);
			continue;
		}
		const dir = path.join(cfg.migrations, `${stamp}_${name}`);
		await mkdir(dir, { recursive: true });
		await writeFile(path.join(dir, 'migration.sql'), r.stdout);
		await writeFile(
			path.join(cfg.migrations, 'migration_lock.toml'),
			`# Please do not edit this file manually\nprovider = "${provider}"\n`
		);
		await writeFile(snapshot, schemas[provider]);
		console.log(`${provider}: created ${dir}`);
	}
}

async function checkDrift(schemas) {
	let drift = false;
	for (const [provider, cfg] of Object.entries(PROVIDERS)) {
		let factory;
		let cleanup = async () => {};
		if (provider === 'sqlite') {
			const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
			factory = new PrismaBetterSqlite3({ url: ':memory:' });
		} else if (process.env.TEST_POSTGRES_URL) {
			const pg = (await import('pg')).default;
			const { PrismaPg } = await import('@prisma/adapter-pg');
			const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
			await admin.connect();
			const db = `rahkar_drift_${process.pid}`;
			await admin.query(`CREATE DATABASE "${db}"`);
			const url = new URL(process.env.TEST_POSTGRES_URL);
			url.pathname = `/${db}`;
			factory = reportCharAsText(new PrismaPg({ connectionString: url.toString() }));
			cleanup = async () => {
				await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
				await admin.end();
			};
		} else {
			console.log(`${provider}: not checked (set TEST_POSTGRES_URL)`);
			continue;
		}
		try {
			const se = await engine(cfg.schema, schemas[provider], factory);
			await se.applyMigrations({ migrationsList: await migrationsList(cfg.migrations), filters: filtersFor(provider) });
			const files = [{ path: cfg.schema, content: schemas[provider] }];
			const r = await se.diff({
				from: { tag: 'schemaDatasource', files, configDir: root },
				to: { tag: 'schemaDatamodel', files },
				script: true,
				exitCode: true,
				filters: filtersFor(provider)
			});
			if (r.exitCode === 0) console.log(`${provider}: migrations match schema`);
			else {
				drift = true;
				console.log(`${provider}: DRIFT\n${r.stdout}`);
			}
		} finally {
			await cleanup();
		}
	}
	if (drift) process.exitCode = 1;
}

const [command, name] = process.argv.slice(2);
const schemas = await renderSchemas();
if (command === 'generate') generate();
else if (command === 'new') await newMigration(name, schemas);
else if (command === 'check') await checkDrift(schemas);
else if (command !== 'schema') throw new Error(`unknown command ${command}`);
process.exit();

// The databank at scale: 100,000 generated people (BENCH_PEOPLE to change it) on SQLite and
// on PostgreSQL (TEST_POSTGRES_URL, or a throwaway cluster as the tests start one). Measures
// search and filter latency (p50/p95) through the domain functions the pages call, and the
// time to suggest matches for one idea. Aim: p95 under 30 ms for a filtered search.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../server/db/client';
import { insertRows } from '../server/db/bulk-insert';
import type { Actor } from '../server/domain/access';
import { newId, personRows } from '../server/domain/databank/people';
import { normalizeText } from '../server/domain/persian';
import { searchPeople, type SearchQuery } from '../server/domain/databank/search';
import { suggestForIdea, suggestForPerson } from '../server/domain/databank/suggestions';
import { ECOSYSTEM_ROLES, EXCHANGES, type EcosystemRole, type Exchange } from '../shared/databank';
import { startPostgres } from '../test/support/postgres';
import { ms, percentile, table, writeResults } from './lib/report';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_P95 = 30;

const FIRST =
	'مریم علی زهرا حسین فاطمه سارا رضا نرگس امیر لیلا محمد سمیه جواد الهام کاوه پروین بهروز شیرین ناصر مینا نیلوفر سعید هانیه پیمان رویا بهناز داوود آرش مهسا یاسر پریسا کامران طاهره مجید زینب حمید ساناز امید نیما ترانه'.split(
		' '
	);
const LAST =
	'احمدی رضایی کریمی موسوی حسینی نوری طاهری صادقی جعفری قاسمی عباسی رحیمی نظری یوسفی شریفی اکبری سلطانی مرادی کاظمی فرهادی بهرامی کامرانی زمانی امینی توکلی محمدی حیدری کیانی صالحی نوروزی رستمی ملکی نیک‌نام اکبرزاده فتحی قربانی شکوهی پورمحمد رحمانی تهرانی'.split(
		' '
	);

// A small deterministic generator, so both databases get the same people.
export function rng(seed: number) {
	let s = seed >>> 0;
	return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const some = <T>(r: () => number, xs: readonly T[], min: number, max: number) => {
	const n = min + Math.floor(r() * (max - min + 1));
	return [...new Set(Array.from({ length: n }, () => pick(r, xs)))];
};

export interface Fixture {
	admin: Actor;
	moderator: Actor;
	member: Actor;
	districts: string[];
	sectors: string[];
	skills: string[];
	somePeople: string[];
}

/** Writes the generated databank (exported for profiling). */
export async function populate(db: Db): Promise<Fixture> {
	const org = await db.organisation.create({ data: { name: 'bench' } });
	const now = new Date();
	const districts = Array.from({ length: 22 }, (_, i) => ({ id: newId(), organisationId: org.id, number: i + 1, name: `منطقه ${i + 1}` }));
	const field = (kind: 'SECTOR' | 'SKILL', i: number) => ({
		id: newId(),
		organisationId: org.id,
		kind,
		name: `${kind === 'SECTOR' ? 'حوزه' : 'مهارت'} ${i}`,
		nameKey: normalizeText(`${kind} ${i}`),
		createdAt: now
	});
	const sectors = Array.from({ length: 40 }, (_, i) => field('SECTOR', i));
	const skills = Array.from({ length: 60 }, (_, i) => field('SKILL', i));
	await insertRows(db, 'District', districts);
	await insertRows(db, 'Field', [...sectors, ...skills]);

	const r = rng(42);
	const batch = 5_000;
	const somePeople: string[] = [];
	for (let start = 0; start < PEOPLE; start += batch) {
		const rows = Array.from({ length: Math.min(batch, PEOPLE - start) }, (_, k) => {
			const i = start + k;
			const roles = some(r, ECOSYSTEM_ROLES, 1, 2) as EcosystemRole[];
			const row = personRows(newId(), org.id, {
				name: `${pick(r, FIRST)} ${pick(r, LAST)}`,
				email: `person${i}@bench.example`,
				phone: `09${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
				districtId: pick(r, districts).id,
				fieldIds: [...some(r, sectors, 1, 2), ...some(r, skills, 1, 3)].map((f) => f.id),
				roles,
				offers: some(r, EXCHANGES, 0, 2) as Exchange[],
				seeks: some(r, EXCHANGES, 0, 2) as Exchange[],
				bio: r() < 0.3 ? 'کارآفرین محلی با تجربه در فروش اینترنتی' : '',
				consent: r() < 0.8
			});
			if (i % 997 === 0) somePeople.push(row.person.id);
			return { ...row, archived: r() < 0.03 };
		});
		await db.$transaction(
			async (tx) => {
				await insertRows(
					tx,
					'Person',
					rows.map((x) => ({ ...x.person, archivedAt: x.archived ? now : null, createdAt: now, updatedAt: now }))
				);
				await insertRows(
					tx,
					'PersonField',
					rows.flatMap((x) => x.fields)
				);
				await insertRows(
					tx,
					'PersonRole',
					rows.flatMap((x) => x.roles)
				);
				await insertRows(
					tx,
					'PersonExchange',
					rows.flatMap((x) => x.exchanges)
				);
			},
			{ timeout: 120_000 }
		);
	}
	// Actors: an administrator, a moderator and a member (their level comes from their seats).
	const group = await db.group.create({ data: { organisationId: org.id, name: 'bench group' } });
	const actor = async (role: 'MODERATOR' | 'MEMBER' | null): Promise<Actor> => {
		const personId = role ? somePeople[role === 'MODERATOR' ? 1 : 2] : null;
		if (role && personId) await db.membership.create({ data: { groupId: group.id, personId, side: 'EXPERT', role } });
		const user = await db.user.create({
			data: {
				organisationId: org.id,
				name: `bench ${role ?? 'admin'}`,
				email: `${role ?? 'admin'}-${randomBytes(4).toString('hex')}@bench.example`,
				isAdmin: !role,
				personId
			}
		});
		return { userId: user.id, organisationId: org.id, personId, isAdmin: !role };
	};
	return {
		admin: await actor(null),
		moderator: await actor('MODERATOR'),
		member: await actor('MEMBER'),
		districts: districts.map((d) => d.id),
		sectors: sectors.map((f) => f.id),
		skills: skills.map((f) => f.id),
		somePeople
	};
}

interface Scenario {
	name: string;
	filtered: boolean;
	run(db: Db, f: Fixture, r: () => number): Promise<unknown>;
}

const search =
	(who: keyof Pick<Fixture, 'admin' | 'moderator' | 'member'>, query: (f: Fixture, r: () => number) => SearchQuery) =>
	(db: Db, f: Fixture, r: () => number) =>
		searchPeople(db, f[who], query(f, r));

export const SCENARIOS: Scenario[] = [
	{ name: 'browse, first page (admin)', filtered: false, run: search('admin', () => ({})) },
	{ name: 'name, one word (admin)', filtered: false, run: search('admin', (_f, r) => ({ q: pick(r, LAST) })) },
	{
		name: 'name, Arabic letters, no ZWNJ (admin)',
		filtered: false,
		run: search('admin', (_f, r) => ({
			q: `${pick(r, FIRST)} ${pick(r, LAST)}`
				.replace(/ی/g, 'ي')
				.replace(/ک/g, 'ك')
				.replace(/\u200c/g, '')
		}))
	},
	{
		name: 'phone digits, Persian (moderator)',
		filtered: false,
		run: search('moderator', (_f, r) => ({
			q:
				'۰۹' +
				String(Math.floor(r() * 1e4))
					.padStart(4, '0')
					.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)])
		}))
	},
	{
		name: 'field + district (admin)',
		filtered: true,
		run: search('admin', (f, r) => ({ fieldIds: [pick(r, f.sectors)], districtId: pick(r, f.districts) }))
	},
	{
		name: 'field + role + offers (moderator)',
		filtered: true,
		run: search('moderator', (f, r) => ({
			fieldIds: [pick(r, f.sectors)],
			roles: [pick(r, ECOSYSTEM_ROLES)],
			offers: [pick(r, EXCHANGES)]
		}))
	},
	{
		name: 'text + field + district, page 3 (admin)',
		filtered: true,
		run: search('admin', (f, r) => ({
			q: pick(r, FIRST),
			fieldIds: [pick(r, f.skills)],
			districtId: pick(r, f.districts),
			page: 3,
			pageSize: 10
		}))
	},
	{
		name: 'member: name + field (consenting only)',
		filtered: true,
		run: search('member', (f, r) => ({ q: pick(r, LAST), fieldIds: [pick(r, f.sectors)] }))
	},
	{
		name: 'suggest for an idea (2 fields)',
		filtered: false,
		run: (db, f, r) => suggestForIdea(db, f.admin, { fieldIds: [pick(r, f.sectors), pick(r, f.skills)], districtId: pick(r, f.districts) })
	},
	{ name: 'suggest for a person', filtered: false, run: (db, f, r) => suggestForPerson(db, f.moderator, pick(r, f.somePeople)) }
];

/** CPU time (user + system) in ms of each process that still exists, from /proc. */
function procCpuMs(pids: number[]): Map<number, number> {
	const out = new Map<number, number>();
	for (const pid of pids) {
		try {
			// Fields 14 and 15 (utime, stime) follow the command name, which may contain spaces.
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // USER_HZ is 100 on Linux
		} catch {
			// the process ended, or this is not Linux
		}
	}
	return out;
}

/** PostgreSQL backends serving this database (the client's pool may open and close some). */
const backends = async (database: Database): Promise<number[]> =>
	database.provider === 'postgresql'
		? (await database.db.$queryRawUnsafe<{ pid: number }[]>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).map(
				(x) => Number(x.pid)
			)
		: [];

/** CPU the backends spent between two snapshots, per process: one that started midway counts
 * in full; one that ended is left out (its time can no longer be read), so this errs low. */
function serverCpu(before: Map<number, number>, after: Map<number, number>): number {
	let total = 0;
	for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
	return total;
}

interface Figures {
	p50: number;
	p95: number;
	/** CPU per query, this process and the PostgreSQL backends serving it: unlike wall time,
	 * not inflated by other work on a shared machine. */
	cpu: number;
}

async function measure(database: Database, f: Fixture): Promise<Record<string, Figures>> {
	const { db } = database;
	const out: Record<string, Figures> = {};
	for (const s of SCENARIOS) {
		const r = rng(7);
		for (let i = 0; i < 10; i++) await s.run(db, f, r); // warm caches and prepared statements
		const before = procCpuMs(await backends(database));
		const times: number[] = [];
		const runs = s.name.startsWith('suggest') ? Math.min(RUNS, 100) : RUNS;
		const cpu0 = process.cpuUsage();
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			await s.run(db, f, r);
			times.push(performance.now() - t0);
		}
		const own = process.cpuUsage(cpu0);
		const after = procCpuMs([...new Set([...before.keys(), ...(await backends(database))])]);
		const cpu = ((own.user + own.system) / 1000 + serverCpu(before, after)) / runs;
		times.sort((a, b) => a - b);
		out[s.name] = { p50: percentile(times, 50), p95: percentile(times, 95), cpu };
	}
	return out;
}

async function onTarget(name: string, open: () => Promise<{ database: Database; cleanup(): Promise<void> }>) {
	const { database, cleanup } = await open();
	try {
		const t0 = performance.now();
		const fixture = await populate(database.db);
		const loadMs = performance.now() - t0;
		// Statistics for the planner, and on PostgreSQL the visibility map that lets the join
		// tables be read index-only: what autovacuum provides after a bulk load in service.
		await database.db.$executeRawUnsafe(database.provider === 'postgresql' ? 'VACUUM ANALYZE' : 'ANALYZE');
		console.log(`${name}: ${PEOPLE.toLocaleString('en')} people written in ${ms(loadMs)}`);
		return { loadMs, results: await measure(database, fixture) };
	} finally {
		await database.close();
		await cleanup();
	}
}

export async function run(): Promise<void> {
	const measured: Record<string, Awaited<ReturnType<typeof onTarget>>> = {};
	measured.sqlite = await onTarget('sqlite', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-bench-'));
		return {
			database: await openDatabase(`file:${path.join(dir, 'bench.db')}`),
			cleanup: async () => rmSync(dir, { recursive: true, force: true })
		};
	});

	let adminUrl = process.env.TEST_POSTGRES_URL ?? null;
	const cluster = adminUrl ? null : await startPostgres();
	adminUrl ??= cluster?.url ?? null;
	if (adminUrl) {
		const url = adminUrl;
		try {
			measured.postgresql = await onTarget('postgresql', async () => {
				const name = `rahkar_bench_${randomBytes(4).toString('hex')}`;
				const admin = new pg.Client({ connectionString: url });
				await admin.connect();
				await admin.query(`CREATE DATABASE "${name}"`);
				const dbUrl = new URL(url);
				dbUrl.pathname = `/${name}`;
				return {
					database: await openDatabase(dbUrl.toString()),
					async cleanup() {
						await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
						await admin.end();
					}
				};
			});
		} finally {
			cluster?.stop();
		}
	} else console.log('postgresql: skipped (no TEST_POSTGRES_URL and no PostgreSQL server programs)');

	const targets = Object.keys(measured);
	const rows = [['scenario', ...targets.flatMap((t) => [`${t} p50`, `${t} p95`, `${t} cpu`])]];
	for (const s of SCENARIOS) {
		rows.push([
			s.name + (s.filtered ? ' *' : ''),
			...targets.flatMap((t) => {
				const m = measured[t].results[s.name];
				return [ms(m.p50), ms(m.p95) + (s.filtered && m.p95 > TARGET_P95 ? ' !' : ''), ms(m.cpu)];
			})
		]);
	}
	// Other work on the machine inflates every figure: the load average says by how much.
	const load = loadavg().map((l) => l.toFixed(1));
	console.log(`\n${PEOPLE.toLocaleString('en')} people; ${RUNS} runs per search, 100 per suggestion; load average ${load.join(' ')}`);
	console.log(
		`* filtered search (aim p95 < ${TARGET_P95} ms; ! = missed). cpu: CPU time per query (client and database), which load does not inflate`
	);
	console.log(table(rows));
	const file = writeResults('databank', { people: PEOPLE, runs: RUNS, targetP95Ms: TARGET_P95, loadAverage: loadavg(), measured });
	console.log(`results: ${path.relative(process.cwd(), file)}`);
}

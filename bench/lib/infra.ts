// PostgreSQL and Redis for the cluster scenario: throwaway servers on loopback, started by
// the test suite's own helpers (test/support), with the pids the benchmark needs to pin
// them and read their CPU.
import pg from 'pg';
import { startPostgres } from '../../test/support/postgres';
import { startRedis } from '../../test/support/redis';
import { findPids, pin, sampleGroup, withChildren, type GroupSample } from './proc';

export interface Infra {
	/** postgres://…/rahkar_bench, an empty database for the nodes to migrate and seed. */
	databaseUrl: string;
	redisUrl: string;
	redisPid: number;
	postgresPid: number;
	/** PostgreSQL's postmaster and every process it runs (backends, writer, checkpointer…). */
	samplePostgres(): GroupSample;
	/** Pins Redis and PostgreSQL (including backends started since) to one core. */
	pin(core: number): boolean;
	stop(): Promise<void>;
}

const portOf = (url: string) => new URL(url).port;

export async function startInfra(): Promise<Infra> {
	const postgres = await startPostgres();
	if (!postgres) throw new Error('the cluster scenario needs PostgreSQL’s server programs (initdb, pg_ctl)');
	let redis: Awaited<ReturnType<typeof startRedis>> | null = null;
	try {
		redis = await startRedis();
		const admin = new pg.Client({ connectionString: postgres.url });
		await admin.connect();
		await admin.query('CREATE DATABASE rahkar_bench');
		await admin.end();
		const databaseUrl = new URL(postgres.url);
		databaseUrl.pathname = '/rahkar_bench';
		// pg_ctl starts "postgres -D … -o '-p <port> …'"; redis-server renames itself to
		// "redis-server 127.0.0.1:<port>".
		const pgPort = portOf(postgres.url);
		const postgresPid = findPids(new RegExp(`postgres .*-p ${pgPort}\\b`)).sort((a, b) => a - b)[0];
		const redisPid = findPids(new RegExp(`^redis-server \\S*:${portOf(redis.url)}\\b`))[0];
		if (!postgresPid || !redisPid) throw new Error(`could not find the pids of PostgreSQL (${postgresPid}) or Redis (${redisPid})`);
		const r = redis;
		return {
			databaseUrl: databaseUrl.toString(),
			redisUrl: redis.url,
			redisPid,
			postgresPid,
			samplePostgres: () => sampleGroup(withChildren(postgresPid)),
			pin(core) {
				let ok = pin(redisPid, core);
				for (const pid of withChildren(postgresPid)) ok = pin(pid, core) && ok;
				return ok;
			},
			async stop() {
				await r.stop();
				postgres.stop();
			}
		};
	} catch (error) {
		await redis?.stop();
		postgres.stop();
		throw error;
	}
}

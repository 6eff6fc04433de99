// Start-up and shutdown of everything behind the one port, independent of who owns the
// HTTP server (server/main.ts in production, Vite's dev server in development).
import type { Server as HttpServer } from 'node:http';
import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { createAuth, sessionUser } from '../auth/auth';
import { attachRealtime } from '../realtime/realtime-server';
import { realtimeFeatures } from '../realtime/features';
import { createCollabServer } from '../collab/collab-server';
import { RoomRegistry } from '../collab/registry';
import { prismaDocumentStore } from '../collab/store';
import { documentAccess } from '../domain/documents';
import { setAppContext, type AppContext } from './context';
import { runPeriodic } from '../cluster/lease';
import { periodicJobs } from './jobs';
import { randomUUID } from 'node:crypto';
import { redisRelay } from '../collab/relay';
import { resendLiveState } from '../realtime/resync';
import { liveRooms, noLiveRooms } from '../realtime/live-rooms';
import { sessionSecret } from './secret';
import { certificateKeys } from '../domain/courses/signing';
import { backfillPersonKeys } from '../domain/databank/people';
import { refreshSearchKeys } from '../domain/search/reindex';
import { sessionSockets } from '../auth/session-sockets';
import { allowedOrigin } from './origin';
import { createMailTransport } from '../mail/transport';
import { logError, logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { unscraped } from '../observability/unscraped-metrics';

export interface Runtime {
	context: AppContext;
	/** Attaches Socket.IO and the Yjs endpoint to an HTTP server. Other upgrade requests
	 * are refused unless `others` says someone else (Vite's HMR) takes them. */
	attach(server: HttpServer, others?: 'leave'): void;
	/** What /metrics reports (server/observability/metrics.ts). */
	metrics: Metrics;
	close(): Promise<void>;
}

export async function startRuntime(config: Config, log: (line: string) => void = (line) => logger().info(line)): Promise<Runtime> {
	const database = await openDatabase(config.databaseUrl);
	const auth = createAuth({ db: database.db, config, secret: await sessionSecret(database.db, process.env.RAHKAR_SECRET) });
	// The seed (and the calendars it needs) is loaded only for an empty database.
	const empty = (await database.db.organisation.count()) === 0;
	const seeded = empty
		? await (await import('../db/seed')).seedIfEmpty({ db: database.db, auth }, { demo: config.demo, password: config.demoPassword })
		: null;
	if (seeded?.demo) {
		log(`Seeded the demo organisation. Sign in as admin@rahkar.example (also moderator@, executor@, member@, observer@).`);
		if (seeded.generatedPassword) log(`Demo password (shown once): ${seeded.generatedPassword}`);
	} else if (seeded) {
		log('Created an empty organisation. Make the first administrator with `npm run user:create`.');
	}
	// People written before the databank's derived columns existed get them once.
	const backfilled = await backfillPersonKeys(database.db);
	if (backfilled) log(`Filled search and sort keys for ${backfilled} people.`);
	// Stored search keys follow the search key's rules when they change (persian.ts).
	const rekeyed = await refreshSearchKeys(database, { fresh: seeded !== null });
	if (rekeyed) log(`Rebuilt the search keys of ${rekeyed} people and documents.`);

	// Several nodes share Socket.IO rooms and Yjs updates through Redis.
	// ioredis and the Redis adapter are loaded only for a cluster.
	const redis = config.redisUrl ? await (await import('../cluster/redis')).connectRedis(config.redisUrl, log) : null;
	const createAdapter = redis ? (await import('@socket.io/redis-adapter')).createAdapter : null;
	const authenticate = (request: { headers: import('node:http').IncomingHttpHeaders }) => sessionUser(auth, request.headers);
	const allowOrigin = (request: { headers: import('node:http').IncomingHttpHeaders }) => allowedOrigin(request, config.origin);
	// prom-client and its collectors only when someone may scrape /metrics.
	const scraped = Boolean(config.metrics.token) || config.metrics.allow.length > 0;
	const metrics = scraped ? (await import('../observability/metrics')).createMetrics() : unscraped;
	const sessions = sessionSockets({ db: database.db, periodMs: config.sessionCheckMs, redis, onError: logError });
	const registry = new RoomRegistry(
		metrics.timed(prismaDocumentStore(database.db, database.provider)),
		logError,
		redis ? redisRelay(redis, logError) : null
	);
	const collab = createCollabServer({
		allowOrigin,
		sessions,
		registry,
		authenticate,
		authorize: (actor, name) => documentAccess(database.db, actor, name),
		onError: logError
	});
	const certificates = await certificateKeys(database.db, config.certificateKey);
	if (certificates.generated && config.production)
		log('Certificates are signed with a key kept in the database: set RAHKAR_CERTIFICATE_KEY (README, "Courses and certificates").');
	const mail = createMailTransport(config.mail);
	log(`Mail goes to ${mail.describe}.`);
	let listening: HttpServer | null = null;
	const publicOrigin = () => {
		if (config.origin) return config.origin.replace(/\/$/, '');
		const address = listening?.address();
		return `http://localhost:${typeof address === 'object' && address ? address.port : config.port}`;
	};
	const context: AppContext = {
		config,
		database,
		auth,
		io: null,
		live: noLiveRooms,
		documents: collab,
		certificates,
		sessions,
		mail,
		publicOrigin
	};
	setAppContext(context);

	const holder = redis?.nodeId ?? randomUUID();
	const stopJobs = runPeriodic(database.db, holder, periodicJobs(context, holder), logError, metrics.observeJob);

	return {
		context,
		metrics,
		attach(server, others) {
			listening = server;
			context.io = attachRealtime(
				server,
				{ db: database.db, documents: collab, authenticate, allowOrigin, sessions, onError: logError },
				realtimeFeatures,
				// Other nodes have 2 s to answer a request (who is in a room) before it fails.
				redis && createAdapter ? createAdapter(redis.pub, redis.sub, { requestsTimeout: 2000 }) : undefined
			);
			const io = context.io;
			metrics.bind({
				sockets: () => ({ socketio: io.of('/').sockets.size, collab: collab.connections() }),
				documents: () => registry.stats(),
				outboxPending: () => database.db.mailOutbox.count({ where: { status: 'PENDING' } }),
				pool: () => database.pool?.() ?? null
			});
			context.live = liveRooms(io, database.db, logError);
			// Broadcasts from other nodes may have been lost while Redis was away.
			redis?.onReconnect(() => void resendLiveState(io, database.db, logError));
			server.on('upgrade', (request, socket, head) => {
				if (collab.handleUpgrade(request, socket, head)) return;
				// Socket.IO (destroyUpgrade: false) answers its own path.
				if (others === 'leave' || request.url?.startsWith('/socket.io/')) return;
				socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
			});
		},
		async close() {
			stopJobs();
			mail.close();
			sessions.stop();
			await collab.close();
			await new Promise<void>((resolve) => (context.io ? context.io.close(() => resolve()) : resolve()));
			await redis?.close();
			await database.close();
			setAppContext(undefined);
		}
	};
}

// What a page's server code reaches the rest of the server through, bound once to the running
// server's context and put on `locals.services` by web/hooks.server.ts. A route (or the form
// adapter) calls a domain function with these, `fn(services.db, user, …)`, and tells the live
// rooms through `services.live`; it never queries the database itself (no Prisma in web/).
import type { Auth } from '../auth/auth';
import type { SessionSockets } from '../auth/session-sockets';
import type { DocumentService } from '../collab/collab-server';
import type { Database, Db } from '../db/client';
import type { IntakeConfig } from '../config';
import type { LiveRooms } from '../realtime/live-rooms';
import type { AppContext } from './context';
import type { CertificateKeys } from '../domain/courses/signing';

export interface Services {
	/** The domain's database handle: the first argument of most domain functions. */
	readonly db: Db;
	/** The database as opened, for the domain functions that need its provider (search, minutes). */
	readonly database: Database;
	/** The keys that sign and verify certificates (RAHKAR_CERTIFICATE_KEY, or the stored one). */
	readonly certificates: CertificateKeys;
	/** Server-side access to collaborative documents (agendas, minutes). */
	readonly documents: DocumentService;
	/** Tells the live rooms what a page changed (server/realtime/live-rooms.ts), after the commit. */
	readonly live: LiveRooms;
	readonly auth: Auth;
	/** The open sockets of each session, closed when it ends. */
	readonly sessions: SessionSockets;
	/** The public intake form's limits (RAHKAR_INTAKE_*). */
	readonly intake: IntakeConfig;
}

const bound = new WeakMap<AppContext, Services>();

/** The services of this running server, built on first use and the same object afterwards. */
export function servicesOf(context: AppContext): Services {
	let services = bound.get(context);
	if (!services) {
		services = {
			db: context.database.db,
			database: context.database,
			certificates: context.certificates,
			documents: context.documents,
			// The live rooms are attached after start-up (with the sockets): read when used.
			get live() {
				return context.live;
			},
			auth: context.auth,
			sessions: context.sessions,
			intake: context.config.intake
		};
		bound.set(context, services);
	}
	return services;
}

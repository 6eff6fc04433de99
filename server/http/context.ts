// The running server's services, shared with SvelteKit's hooks. It sits on globalThis
// because SvelteKit's server code is a separate module graph (the build, or Vite's SSR
// loader in development) from the Node process that starts it.
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Auth } from '../auth/auth';
import type { RealtimeServer } from '../realtime/realtime-server';
import type { DocumentService } from '../collab/collab-server';
import type { SessionSockets } from '../auth/session-sockets';
import type { LiveRooms } from '../realtime/live-rooms';
import type { MailTransport } from '../mail/transport';
import type { CertificateKeys } from '../domain/courses/signing';

export interface AppContext {
	config: Config;
	database: Database;
	auth: Auth;
	io: RealtimeServer | null;
	/** Tells the live rooms what a page changed (server/realtime/live-rooms.ts). */
	live: LiveRooms;
	/** Server-side access to collaborative documents. */
	documents: DocumentService;
	/** The keys that sign and verify certificates (server/domain/courses/signing.ts). */
	certificates: CertificateKeys;
	/** The open sockets of each session, closed when it ends. */
	sessions: SessionSockets;
	/** Where the outbox's sender job hands mail (server/mail/transport.ts). */
	mail: MailTransport;
	/** The origin links in mail point to: ORIGIN, or this server's own address once it listens. */
	publicOrigin(): string;
}

const KEY = Symbol.for('rahkar.app-context');
type Holder = { [KEY]?: AppContext };

export function setAppContext(context: AppContext | undefined): void {
	(globalThis as Holder)[KEY] = context;
}

/** The services of the running server; throws when called before start-up finished. */
export function appContext(): AppContext {
	const context = (globalThis as Holder)[KEY];
	if (!context) throw new Error('Rahkar server context is not set: start through server/main.ts or `npm run dev`');
	return context;
}

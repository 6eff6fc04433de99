// What a log line is written for — an HTTP request (reqId), a socket connection (connId) or
// a job's run (runId) — carried by the async context, so code deep in the domain needs no
// logger handed to it. On globalThis because SvelteKit's server code is a separate module
// graph (see server/http/context.ts) that must see the same scope as the express app.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LogScope {
	reqId?: string;
	connId?: string;
	runId?: string;
	job?: string;
	/** The route pattern, filled by whoever learns it (SvelteKit's hook); not logged per line. */
	route?: string;
}

const KEY = Symbol.for('rahkar.observability.log-scope');
const storage = (): AsyncLocalStorage<LogScope> => {
	const g = globalThis as { [KEY]?: AsyncLocalStorage<LogScope> };
	return (g[KEY] ??= new AsyncLocalStorage<LogScope>());
};

/** Runs `fn` with `scope` on every line it (and whatever it awaits) writes. */
export function withLogScope<T>(scope: LogScope, fn: () => T): T {
	return storage().run(scope, fn);
}

/** The scope of the code running now (a request's, a connection's, a job run's), if any. */
export const currentLogScope = (): LogScope | undefined => storage().getStore();

// The server's one logger (pino): JSON lines in production, readable lines in development.
// Every line carries the ids of the scope it was written in (log-scope.ts: the request, the
// socket connection or the job run). Secrets never reach a line: fields that hold
// passwords, cookies, authorisation headers or tokens are censored.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { currentLogScope } from './log-scope';

export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Paths censored in every line (pino's redact syntax; `*` is one level of any key). */
export const REDACTED = [
	'password',
	'*.password',
	'newPassword',
	'*.newPassword',
	'token',
	'*.token',
	'secret',
	'*.secret',
	'cookie',
	'*.cookie',
	'authorization',
	'*.authorization',
	'headers.cookie',
	'headers.authorization',
	'headers["set-cookie"]',
	'req.headers.cookie',
	'req.headers.authorization',
	'res.headers["set-cookie"]'
];

export interface LoggerOptions {
	level: LogLevel;
	format: LogFormat;
	/** Where lines go; standard output by default. */
	destination?: DestinationStream;
}

// On globalThis because SvelteKit's server code is a separate module graph (server/http/context.ts).
const KEY = Symbol.for('rahkar.observability.logger');
const holder = (): { logger: Logger } => {
	const g = globalThis as { [KEY]?: { logger: Logger } };
	return (g[KEY] ??= { logger: buildLogger({ level: 'info', format: 'json' }) });
};

/** pino-pretty, loaded only for readable lines (development): production writes JSON. */
const prettyLines = (): typeof PinoPretty => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

function buildLogger(options: LoggerOptions): Logger {
	const destination =
		options.destination ??
		(options.format === 'pretty'
			? prettyLines()({ sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' })
			: pino.destination({ dest: 1, sync: true }));
	return pino(
		{
			level: options.level,
			base: { pid: process.pid },
			redact: { paths: REDACTED, censor: '[redacted]' },
			// The ids of the request, connection or run this line belongs to (not its route).
			mixin() {
				const s = currentLogScope();
				if (!s) return {};
				const { route: _route, ...ids } = s;
				return ids;
			}
		},
		destination
	);
}

/** Replaces the process's logger (at start-up, from the configuration). */
export function configureLogger(options: LoggerOptions): Logger {
	return (holder().logger = buildLogger(options));
}

/** The process's logger. */
export const logger = (): Logger => holder().logger;

/** Logs an unexpected error (the many `onError` hooks of the server). */
export function logError(error: unknown, message = 'unexpected error'): void {
	logger().error({ err: error }, message);
}

/** A client's X-Request-Id when it is a short, safe token; a fresh id otherwise. */
export function requestId(offered: string | string[] | undefined): string {
	const value = Array.isArray(offered) ? offered[0] : offered;
	return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : randomUUID();
}

// Every HTTP request gets an id (the client's X-Request-Id when it is a safe token, else a
// new one), returned in X-Request-Id, handed on to SvelteKit in the same header, and put on
// every log line written while the request runs. One line per finished request: method,
// path without its query (which may carry a token), route, status and time taken.
import type { RequestHandler } from 'express';
import { logger, requestId } from './logger';
import { withLogScope, type LogScope } from './log-scope';

export type RequestObserver = (request: { method: string; route: string; status: number; seconds: number }) => void;

export function requestLogging(observe?: RequestObserver): RequestHandler {
	return (req, res, next) => {
		const reqId = requestId(req.headers['x-request-id']);
		req.headers['x-request-id'] = reqId;
		res.setHeader('X-Request-Id', reqId);
		const started = process.hrtime.bigint();
		const scope: LogScope = { reqId };
		res.once('finish', () => {
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			// The route pattern: express's own, or what SvelteKit's hook wrote into the scope.
			const route = (req.route as { path?: string } | undefined)?.path ?? scope.route ?? '(unmatched)';
			const status = res.statusCode;
			observe?.({ method: req.method, route, status, seconds });
			withLogScope(scope, () =>
				logger().info({ method: req.method, path: req.path, route, status, ms: Math.round(seconds * 10_000) / 10 }, 'request')
			);
		});
		withLogScope(scope, next);
	};
}

// The express app: security headers on everything, the health check, then SvelteKit's handler.
import express, { type RequestHandler } from 'express';
import type { Database } from '../db/client';
import { clientFiles } from './client-files';
import { securityHeaders } from './security-headers';
import { oneClickUnsubscribe } from './one-click';
import { requestLogging, type RequestObserver } from '../observability/http-log';
import { metricsEndpoint, type MetricsAccess } from '../observability/metrics-endpoint';
import type { Metrics } from '../observability/metrics';

export function createApp(options: {
	database: Database;
	svelteKit: RequestHandler | null;
	clientDir?: string | null;
	origin?: string;
	/** Told of every finished request (the metrics' latency histogram). */
	observe?: RequestObserver;
	/** GET /metrics, for whom `access` allows. */
	metrics?: { metrics: Metrics; access: MetricsAccess };
}) {
	const app = express();
	app.disable('x-powered-by');
	// First, so that every later step's log lines carry the request's id.
	app.use(requestLogging(options.observe));
	app.use(securityHeaders({ origin: options.origin }));

	app.get('/healthz', async (_req, res) => {
		const ok = await options.database.ping();
		res.status(ok ? 200 : 503).json({ ok, database: options.database.provider });
	});

	// Mail clients' one-click unsubscribe (RFC 8058) posts without a session or an Origin
	// header, which SvelteKit's form check would refuse; the signed token is the credential.
	oneClickUnsubscribe(app, options.database.db);
	if (options.metrics) metricsEndpoint(app, options.metrics.metrics, options.metrics.access);

	if (options.svelteKit) {
		if (options.clientDir) app.use(clientFiles(options.clientDir));
		// The real scheme of this connection (a client cannot forge it: we overwrite it).
		// Behind a TLS-terminating proxy, set ORIGIN instead (README, "Deployment").
		app.use((req, _res, next) => {
			req.headers['x-rahkar-protocol'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
			next();
		});
		app.use(options.svelteKit);
	} else {
		app.use((_req, res) => {
			res.status(503).type('text/plain').send('The web app is not built: run `npm run build` (or `npm start`, which builds it).');
		});
	}
	return app;
}

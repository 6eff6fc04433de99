// GET /metrics for Prometheus, served only to who is configured: a scraper sending
// `Authorization: Bearer <METRICS_TOKEN>`, or one whose address is in METRICS_ALLOW. Anyone
// else, and everyone when neither is set, gets 404, as if there were no such page.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, Request } from 'express';
import type { Metrics } from './metrics';

export interface MetricsAccess {
	token?: string;
	/** Addresses allowed without the token (IPv4 also matches its ::ffff: form). */
	allow: string[];
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const plainAddress = (address: string | undefined) => (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

export function mayScrape(req: Pick<Request, 'headers' | 'socket'>, access: MetricsAccess): boolean {
	const header = req.headers.authorization ?? '';
	if (access.token && header.startsWith('Bearer ') && timingSafeEqual(digest(header.slice(7)), digest(access.token))) return true;
	return access.allow.includes(plainAddress(req.socket.remoteAddress));
}

export function metricsEndpoint(app: Express, metrics: Metrics, access: MetricsAccess): void {
	app.get('/metrics', async (req, res) => {
		if (!metrics.registry || !mayScrape(req, access)) {
			res.status(404).type('text/plain').send('Not found');
			return;
		}
		res.setHeader('Cache-Control', 'no-store');
		const registry = metrics.registry;
		res.type(registry.contentType).send(await registry.metrics());
	});
}

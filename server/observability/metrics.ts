// What Prometheus scrapes at /metrics (prom-client): request latency by route pattern, open
// sockets by kind, open documents, the collab write pipeline (append latency and what
// waits to be written), job runs, the mail outbox, the PostgreSQL pool and the process's
// own figures (event-loop lag, memory, CPU). Gauges are read when scraped, from `sources`.
import client from 'prom-client';
import type { DocumentStore } from '../collab/store';
import type { JobOutcome } from '../cluster/lease';

export interface MetricSources {
	/** Sockets open on this node, by kind. */
	sockets(): { socketio: number; collab: number };
	/** Documents in memory on this node, and their edits applied but not yet stored. */
	documents(): { open: number; queued: number };
	/** Mail waiting to be sent (the cluster's, read from the database). */
	outboxPending(): Promise<number>;
	/** The PostgreSQL pool, when there is one. */
	pool(): { total: number; idle: number; waiting: number } | null;
}

export interface Metrics {
	/** Null when nobody may scrape (unscraped below). */
	readonly registry: client.Registry | null;
	observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
	observeJob(job: string, outcome: JobOutcome, seconds: number): void;
	/** A store whose appends are timed (the write pipeline's latency). */
	timed(store: DocumentStore): DocumentStore;
	/** Where the gauges read from, once the sockets exist. */
	bind(sources: MetricSources): void;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
	const registry = new client.Registry();
	client.collectDefaultMetrics({ register: registry, prefix: 'rahkar_' });
	let sources: MetricSources | null = null;
	const registers = [registry];

	const requests = new client.Histogram({
		name: 'rahkar_http_request_duration_seconds',
		help: 'HTTP requests by method, route pattern and status',
		labelNames: ['method', 'route', 'status'] as const,
		buckets: SECONDS,
		registers
	});
	const writes = new client.Histogram({
		name: 'rahkar_collab_write_seconds',
		help: 'Time to append a queued batch of document edits to the database (the "saved" mark waits for it)',
		labelNames: ['outcome'] as const,
		buckets: SECONDS,
		registers
	});
	const jobs = new client.Counter({
		name: 'rahkar_job_runs_total',
		help: 'Periodic job runs on this node, by job and outcome (ok, failed)',
		labelNames: ['job', 'outcome'] as const,
		registers
	});
	const jobSeconds = new client.Histogram({
		name: 'rahkar_job_run_seconds',
		help: 'Duration of periodic job runs on this node',
		labelNames: ['job'] as const,
		buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
		registers
	});
	new client.Gauge({
		name: 'rahkar_open_sockets',
		help: 'Sockets open on this node, by kind (socketio, collab)',
		labelNames: ['kind'] as const,
		registers,
		collect() {
			const open = sources?.sockets() ?? { socketio: 0, collab: 0 };
			this.set({ kind: 'socketio' }, open.socketio);
			this.set({ kind: 'collab' }, open.collab);
		}
	});
	new client.Gauge({
		name: 'rahkar_collab_documents_open',
		help: 'Collaborative documents in memory on this node',
		registers,
		collect() {
			this.set(sources?.documents().open ?? 0);
		}
	});
	new client.Gauge({
		name: 'rahkar_collab_write_queue',
		help: 'Document edits applied and relayed on this node but not yet stored',
		registers,
		collect() {
			this.set(sources?.documents().queued ?? 0);
		}
	});
	new client.Gauge({
		name: 'rahkar_mail_outbox_pending',
		help: 'Mail waiting to be sent, in the whole cluster',
		registers,
		async collect() {
			this.set(sources ? await sources.outboxPending() : 0);
		}
	});
	new client.Gauge({
		name: 'rahkar_db_pool_connections',
		help: 'PostgreSQL pool connections of this node, by state (total, idle, waiting clients)',
		labelNames: ['state'] as const,
		registers,
		collect() {
			const pool = sources?.pool();
			if (!pool) return;
			this.set({ state: 'total' }, pool.total);
			this.set({ state: 'idle' }, pool.idle);
			this.set({ state: 'waiting' }, pool.waiting);
		}
	});

	return {
		registry,
		observeRequest({ method, route, status, seconds }) {
			requests.observe({ method, route, status: String(status) }, seconds);
		},
		observeJob(job, outcome, seconds) {
			jobs.inc({ job, outcome });
			jobSeconds.observe({ job }, seconds);
		},
		timed(store) {
			return {
				load: (name) => store.load(name),
				compact: (name, upToId) => store.compact(name, upToId),
				async append(name, updates) {
					const end = writes.startTimer();
					try {
						const id = await store.append(name, updates);
						end({ outcome: 'ok' });
						return id;
					} catch (error) {
						end({ outcome: 'failed' });
						throw error;
					}
				}
			};
		},
		bind(s) {
			sources = s;
		}
	};
}

// The metrics of a server nobody may scrape (neither METRICS_TOKEN nor METRICS_ALLOW is set,
// so /metrics is a 404 for everyone): nothing is counted and prom-client, with its
// event-loop and memory collectors, is never loaded.
import type { Metrics } from './metrics';

export const unscraped: Metrics = {
	registry: null,
	observeRequest() {},
	observeJob() {},
	timed: (store) => store,
	bind() {}
};

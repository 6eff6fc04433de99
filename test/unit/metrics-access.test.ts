// Who may scrape /metrics: the bearer of METRICS_TOKEN, or an address in METRICS_ALLOW;
// nobody when neither is configured.
import { describe, expect, it } from 'vitest';
import { mayScrape } from '../../server/observability/metrics-endpoint';
import { loadConfig } from '../../server/config';

const request = (remoteAddress: string, authorization?: string) =>
	({ headers: authorization ? { authorization } : {}, socket: { remoteAddress } }) as unknown as Parameters<typeof mayScrape>[0];

describe('metrics access', () => {
	it('refuses everyone when neither a token nor an allow-list is set', () => {
		const access = loadConfig({}).metrics;
		expect(mayScrape(request('127.0.0.1'), access)).toBe(false);
		expect(mayScrape(request('::1', 'Bearer anything-at-all-here'), access)).toBe(false);
	});

	it('lets in the bearer of the token, from anywhere', () => {
		const access = loadConfig({ METRICS_TOKEN: 'a-long-enough-token' }).metrics;
		expect(mayScrape(request('203.0.113.9', 'Bearer a-long-enough-token'), access)).toBe(true);
		expect(mayScrape(request('203.0.113.9', 'Bearer a-long-enough-tokeN'), access)).toBe(false);
		expect(mayScrape(request('127.0.0.1', 'a-long-enough-token'), access)).toBe(false);
	});

	it('lets in the listed addresses (IPv4 in its IPv6 form too) and no others', () => {
		const access = loadConfig({ METRICS_ALLOW: '10.0.0.5, ::1' }).metrics;
		expect(access.allow).toEqual(['10.0.0.5', '::1']);
		expect(mayScrape(request('10.0.0.5'), access)).toBe(true);
		expect(mayScrape(request('::ffff:10.0.0.5'), access)).toBe(true);
		expect(mayScrape(request('::1'), access)).toBe(true);
		expect(mayScrape(request('10.0.0.6'), access)).toBe(false);
	});

	it('refuses a configuration with a bad address or a short token', () => {
		expect(() => loadConfig({ METRICS_ALLOW: '10.0.0.5,localhost' })).toThrow(/METRICS_ALLOW/);
		expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
	});
});

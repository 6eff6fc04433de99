// The meeting broadcasts' coalescing: one run at a time per key, requests that arrive during
// a run folded into the next, every caller released only by a run that started after it asked.
import { describe, expect, it } from 'vitest';
import { broadcastGapMs, coalesced } from '../../server/realtime/coalesced';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coalesced broadcasts', () => {
	it('folds the requests that arrive during a run into one next run', async () => {
		const starts: number[] = [];
		let version = 0;
		const sent: number[] = [];
		const request = coalesced(
			async () => {
				starts.push(Date.now());
				const seen = version;
				await tick(20);
				sent.push(seen);
			},
			() => 0
		);
		version = 1;
		const first = request('m');
		await tick(5);
		// Three changes while the first run is sending: one more run carries all of them.
		const later: Promise<void>[] = [];
		for (let v = 2; v <= 4; v++) {
			version = v;
			later.push(request('m'));
		}
		await Promise.all([first, ...later]);
		expect(sent).toEqual([1, 4]);
		expect(starts).toHaveLength(2);
	});

	it('releases a caller only after a run that started after its request', async () => {
		let version = 0;
		let lastSent = -1;
		const request = coalesced(
			async () => {
				const seen = version;
				await tick(10);
				lastSent = seen;
			},
			() => 0
		);
		void request('m');
		await tick(2);
		version = 7;
		await request('m');
		expect(lastSent).toBe(7);
	});

	it('keeps the gap between runs for one key, and keys apart', async () => {
		const starts = new Map<string, number[]>();
		const request = coalesced(
			async (key) => void starts.set(key, [...(starts.get(key) ?? []), Date.now()]),
			() => 50
		);
		await request('a');
		await Promise.all([request('a'), request('b')]);
		const [a1, a2] = starts.get('a')!;
		expect(a2 - a1).toBeGreaterThanOrEqual(45);
		expect(starts.get('b')).toHaveLength(1);
	});

	it('keeps the gap for a request that arrives after a run has ended', async () => {
		const starts: number[] = [];
		const request = coalesced(
			async () => void starts.push(Date.now()),
			() => 60
		);
		await request('m');
		// The first run is over and nobody waits: a ballot arriving now must still wait for the
		// gap, or every ballot of a vote starts a broadcast of its own.
		await tick(10);
		await request('m');
		await tick(10);
		await Promise.all([request('m'), request('m')]);
		expect(starts).toHaveLength(3);
		expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(55);
		expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(55);
	});

	it('passes a failed run on to its callers, and the next request runs again', async () => {
		let fail = true;
		const request = coalesced(
			async () => {
				if (fail) throw new Error('database down');
			},
			() => 0
		);
		await expect(request('m')).rejects.toThrow('database down');
		fail = false;
		await expect(request('m')).resolves.toBeUndefined();
	});

	it('grows the gap with the room and caps it', () => {
		expect(broadcastGapMs(2)).toBe(0);
		expect(broadcastGapMs(100)).toBe(25);
		expect(broadcastGapMs(500)).toBe(125);
		expect(broadcastGapMs(5000)).toBe(200);
	});
});

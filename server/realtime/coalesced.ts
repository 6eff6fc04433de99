// One broadcast of a meeting's state at a time. A meeting's snapshot carries its roster and
// attendance, so it grows with the room, and every change used to read and send a whole
// snapshot to everyone: 500 check-ins in a minute were 500 × 500 snapshots. Here the
// changes that arrive while a broadcast is being read and sent are folded into the next
// one, which starts no sooner than a gap that grows with the room (as the collab server's
// tick does). Callers still wait until a broadcast that includes their change has gone
// out, so an acknowledgement never runs ahead of what the room was sent.

/** The least time between two broadcasts for one key, by how many local sockets receive them. */
export const broadcastGapMs = (receivers: number) => Math.min(200, Math.floor(receivers / 4));

interface Slot {
	/** A broadcast is being read and sent. */
	running: boolean;
	/** Callers whose change the next broadcast must include. */
	waiting: { resolve(): void; reject(error: unknown): void }[];
	lastStart: number;
	/** The next run, waiting for the gap. */
	timer: NodeJS.Timeout | null;
	/** When idle: the slot's end, once the gap since the last run has passed. */
	expiry: NodeJS.Timeout | null;
}

/** Runs `send(key)` for every `request(key)`, at most one at a time per key, folding
 * requests that arrive meanwhile into the next run. */
export function coalesced(send: (key: string) => Promise<void>, gapMs: (key: string) => number) {
	const slots = new Map<string, Slot>();

	const run = (key: string, slot: Slot) => {
		slot.timer = null;
		const waiters = slot.waiting.splice(0);
		slot.running = true;
		slot.lastStart = Date.now();
		send(key)
			.then(
				() => waiters.forEach((w) => w.resolve()),
				(error) => waiters.forEach((w) => w.reject(error))
			)
			.finally(() => {
				slot.running = false;
				if (slot.waiting.length > 0) return schedule(key, slot);
				// Idle: the slot (and with it the time of this run) is kept until the gap has
				// passed, so that a request arriving just after this run still waits for it.
				// Forgetting it at once let every ballot of a vote start a broadcast of its own.
				slot.expiry = setTimeout(() => slots.delete(key), Math.max(0, slot.lastStart + gapMs(key) - Date.now()));
			});
	};

	const schedule = (key: string, slot: Slot) => {
		if (slot.expiry) clearTimeout(slot.expiry);
		slot.expiry = null;
		if (slot.running || slot.timer) return;
		const wait = slot.lastStart + gapMs(key) - Date.now();
		if (wait <= 0) run(key, slot);
		else slot.timer = setTimeout(() => run(key, slot), wait);
	};

	return (key: string): Promise<void> =>
		new Promise<void>((resolve, reject) => {
			let slot = slots.get(key);
			if (!slot) {
				slot = { running: false, waiting: [], lastStart: 0, timer: null, expiry: null };
				slots.set(key, slot);
			}
			slot.waiting.push({ resolve, reject });
			schedule(key, slot);
		});
}

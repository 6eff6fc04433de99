// The agendas' offline copies in this browser: y-indexeddb databases, one per user and
// document (`rahkar:<userId>:<document>`), so that on a shared computer nobody loads what
// someone else left, and all of them go when a user signs out.
import * as idb from 'lib0/indexeddb';

const PREFIX = 'rahkar:';
/** Other tabs of this browser hear of a sign-out here and let go of their copies. */
const CHANNEL = 'rahkar:offline-copies';
/** How long a deletion may wait for another tab to let go before we stop waiting for it
 * (the browser still deletes the database once that tab closes it). */
const WAIT_MS = 1500;

export const offlineCopyName = (userId: string, document: string): string => `${PREFIX}${userId}:${document}`;

/** Copies open in this tab, closed before they are deleted (an open one blocks deletion). */
const open = new Set<() => Promise<void>>();
let channel: BroadcastChannel | null = null;

function listen(): void {
	if (channel || typeof BroadcastChannel === 'undefined') return;
	channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = () => void closeOpen();
}

async function closeOpen(): Promise<void> {
	const closing = [...open];
	open.clear();
	await Promise.all(closing.map((close) => close().catch(() => {})));
}

/** Registers an open copy; `close` closes its database. Returns the function to forget it. */
export function holdOfflineCopy(close: () => Promise<void>): () => void {
	listen();
	open.add(close);
	return () => void open.delete(close);
}

const settled = (work: Promise<unknown>) => Promise.race([work.catch(() => {}), new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);

/** Deletes one copy (it must be closed in this tab); waits a little at most. */
export const deleteOfflineCopy = (name: string): Promise<unknown> => settled(idb.deleteDB(name));

/** Deletes this app's copies whose name `drop` accepts. */
async function deleteWhere(drop: (name: string) => boolean): Promise<void> {
	// Every browser Rahkar supports lists its databases (Chromium 71, Safari 14, Firefox 126).
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
	const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(PREFIX) && drop(n));
	await Promise.all(names.map(deleteOfflineCopy));
}

/** Deletes what other users left in this browser (a shared computer, or no sign-out). */
export const deleteOthersCopies = (userId: string): Promise<void> =>
	deleteWhere((name) => !name.startsWith(offlineCopyName(userId, ''))).catch(() => {});

/** On sign-out (or on a signed-out page): every copy goes, with the unsaved edits in it.
 * Tabs of this browser that still hold one close it first. Never takes long. */
export async function deleteAllCopies(): Promise<void> {
	listen();
	channel?.postMessage('signed-out');
	await closeOpen();
	await settled(deleteWhere(() => true));
}

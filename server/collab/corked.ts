// Messages sent to one connection in one synchronous run leave in one write. A 500-peer
// room's presence tick runs the document's pending tick first (room.ts), so each peer is
// sent an update and a presence change back to back: corked, they are one writev syscall
// instead of two, and the syscalls were the largest single cost of a full room (12% of
// the thread). The socket is corked at the first send and uncorked when the run is over.
import type { Duplex } from 'node:stream';

const corked = new Set<Duplex>();
let scheduled = false;

function uncorkAll(): void {
	scheduled = false;
	for (const socket of corked) socket.uncork();
	corked.clear();
}

/** Holds the socket's writes until the current synchronous run has finished. */
export function corkForThisRun(socket: Duplex): void {
	if (corked.has(socket)) return;
	socket.cork();
	corked.add(socket);
	if (!scheduled) {
		scheduled = true;
		process.nextTick(uncorkAll);
	}
}

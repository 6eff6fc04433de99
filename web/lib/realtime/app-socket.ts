// One Socket.IO connection per tab for the app's own live parts (the notification bell,
// a meeting's follow-ups), shared by whoever needs it and closed when nobody does.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$shared/events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: AppSocket | null = null;
let holders = 0;

/** The tab's socket (connecting it on first use) and a function to let go of it. */
export function holdAppSocket(): { socket: AppSocket; release: () => void } {
	// WebSocket only, like every other client of Rahkar: no sticky sessions needed (README).
	shared ??= io({ transports: ['websocket'], reconnectionDelayMax: 5000 });
	holders += 1;
	const socket = shared;
	let released = false;
	return {
		socket,
		release() {
			if (released) return;
			released = true;
			holders -= 1;
			if (holders === 0 && shared) {
				shared.close();
				shared = null;
			}
		}
	};
}

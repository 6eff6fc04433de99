// Child process for the memory scenario: opens idle clients against one server and keeps
// them open until told to close them. Two kinds, as the browser makes them:
//   - socketio: socket.io-client 4.8 over the websocket transport, with the session cookie
//     (Rahkar signs it in; the bare reference ignores it);
//   - yjs: y-websocket's stock WebsocketProvider with its own Y.Doc on one of `docs`
//     documents (BroadcastChannel off), synced, then left alone (the provider's own
//     awareness renewals every 15 s go on, as in a browser tab left open).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { io, type Socket } from 'socket.io-client';

export interface IdleTarget {
	kind: 'socketio' | 'yjs';
	/** http://127.0.0.1:<port> */
	httpBase: string;
	/** y-websocket's base URL (ws://…/collab on Rahkar, ws://… on the reference). */
	yjsBase?: string;
	/** Document names for the yjs kind; client i opens docs[i % docs.length]. */
	docs?: string[];
	cookie?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sockets: Socket[] = [];
const providers: WebsocketProvider[] = [];

function browserWebSocket(headers: Record<string, string>): typeof WebSocket {
	return class extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
			this.on('error', () => {});
		}
	} as typeof WebSocket;
}

function socketClient(target: IdleTarget): Promise<void> {
	const socket = io(target.httpBase, {
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: { origin: target.httpBase, ...(target.cookie ? { cookie: target.cookie } : {}) }
	});
	sockets.push(socket);
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', (error) => reject(error));
	});
}

function yjsClient(target: IdleTarget, index: number): Promise<void> {
	const headers: Record<string, string> = { origin: target.httpBase };
	if (target.cookie) headers.cookie = target.cookie;
	const docs = target.docs!;
	const provider = new WebsocketProvider(target.yjsBase!, docs[index % docs.length], new Y.Doc(), {
		WebSocketPolyfill: browserWebSocket(headers) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 60_000
	});
	providers.push(provider);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`yjs client ${index} did not sync`)), 60_000);
		provider.once('sync', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** Opens `count` more clients, `concurrency` at a time; resolves with how many failed. */
async function open(target: IdleTarget, count: number, concurrency = 50): Promise<{ open: number; failures: string[] }> {
	const failures: string[] = [];
	let next = 0;
	const start = sockets.length + providers.length;
	const worker = async () => {
		while (next < count) {
			const i = start + next++;
			try {
				await (target.kind === 'socketio' ? socketClient(target) : yjsClient(target, i));
			} catch (error) {
				if (failures.length < 5) failures.push(String((error as Error).message ?? error));
				else failures.push('');
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { open: connected(), failures };
}

const connected = () => sockets.filter((s) => s.connected).length + providers.filter((p) => p.wsconnected).length;

async function closeAll(): Promise<void> {
	for (const s of sockets.splice(0)) s.disconnect();
	for (const p of providers.splice(0)) p.destroy();
	await sleep(500);
}

process.on('message', (raw: unknown) => {
	const message = raw as { id: number; type: string } & Record<string, unknown>;
	const reply = (body: unknown) => process.send!({ id: message.id, body });
	const fail = (error: unknown) => process.send!({ id: message.id, error: String((error as Error)?.stack ?? error) });
	switch (message.type) {
		case 'open':
			open(message.target as IdleTarget, message.count as number).then(reply, fail);
			break;
		case 'connected':
			reply(connected());
			break;
		case 'close':
			closeAll().then(() => reply(null), fail);
			break;
		case 'stop':
			closeAll().finally(() => {
				reply(null);
				process.exit(0);
			});
			break;
		default:
			fail(new Error(`unknown message ${message.type}`));
	}
});

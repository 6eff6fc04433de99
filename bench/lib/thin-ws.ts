// A minimal WebSocket client on a bare TCP socket, for the benchmark's thin writers.
//
// A writer must read everything the server relays to it (that is the load being
// measured) but should spend as little of the generator's CPU as possible doing so. The
// `ws` library hands every frame to JavaScript as its own event and buffer; this client
// parses each TCP chunk in one loop, shows the caller each binary message as a view into
// the chunk (no copy) and answers pings. It speaks RFC 6455 as a client must: masked
// frames out, no extensions, close handshake.
import net from 'node:net';
import { randomBytes } from 'node:crypto';

export interface ThinSocketOptions {
	/** ws://host:port/path */
	url: string;
	headers?: Record<string, string>;
	/** A binary message, as bytes [start, end) of `data`; valid only during the call. */
	onMessage(data: Buffer, start: number, end: number): void;
	onClose(code: number, reason: string): void;
}

export class ThinSocket {
	/** Binary messages and bytes received. */
	messagesIn = 0;
	bytesIn = 0;
	closed = false;
	private socket: net.Socket;
	private pending: Buffer | null = null;
	private readonly mask = randomBytes(4);

	private constructor(
		socket: net.Socket,
		private readonly options: ThinSocketOptions
	) {
		this.socket = socket;
	}

	/** Opens the connection; resolves once the server accepted the upgrade. */
	static connect(options: ThinSocketOptions, timeoutMs = 30_000): Promise<ThinSocket> {
		const url = new URL(options.url);
		const key = randomBytes(16).toString('base64');
		const socket = net.connect({ host: url.hostname, port: Number(url.port || 80) });
		socket.setNoDelay(true);
		const thin = new ThinSocket(socket, options);
		return new Promise((resolve, reject) => {
			let head = Buffer.alloc(0);
			const timer = setTimeout(() => fail(new Error('WebSocket handshake timed out')), timeoutMs);
			const fail = (error: Error) => {
				clearTimeout(timer);
				socket.destroy();
				reject(error);
			};
			const onHead = (chunk: Buffer) => {
				head = Buffer.concat([head, chunk]);
				const end = head.indexOf('\r\n\r\n');
				if (end < 0) return;
				socket.off('data', onHead);
				socket.off('error', fail);
				clearTimeout(timer);
				const status = head.subarray(0, head.indexOf('\r\n')).toString();
				if (!/^HTTP\/1\.1 101 /.test(status)) return fail(new Error(`upgrade refused: ${status}`));
				socket.on('data', (c: Buffer) => thin.receive(c));
				socket.on('error', () => thin.finish(1006, 'socket error'));
				socket.on('close', () => thin.finish(1006, 'socket closed'));
				resolve(thin);
				if (head.length > end + 4) thin.receive(head.subarray(end + 4));
			};
			socket.on('data', onHead);
			socket.on('error', fail);
			socket.on('connect', () => {
				const headers = {
					Host: url.host,
					Upgrade: 'websocket',
					Connection: 'Upgrade',
					'Sec-WebSocket-Key': key,
					'Sec-WebSocket-Version': '13',
					...options.headers
				};
				const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
				socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
			});
		});
	}

	/** Sends one binary message. */
	send(payload: Uint8Array): void {
		if (this.closed) return;
		this.socket.write(this.frame(0x2, payload));
	}

	/** Starts the close handshake. */
	close(code = 1000): void {
		if (this.closed) return;
		const body = Buffer.alloc(2);
		body.writeUInt16BE(code);
		this.socket.write(this.frame(0x8, body));
		this.socket.end();
		this.finish(code, 'closed by client');
	}

	private frame(opcode: number, payload: Uint8Array): Buffer {
		const n = payload.length;
		const header = n < 126 ? 2 : n < 65536 ? 4 : 10;
		const out = Buffer.allocUnsafe(header + 4 + n);
		out[0] = 0x80 | opcode;
		if (n < 126) out[1] = 0x80 | n;
		else if (n < 65536) {
			out[1] = 0x80 | 126;
			out.writeUInt16BE(n, 2);
		} else {
			out[1] = 0x80 | 127;
			out.writeBigUInt64BE(BigInt(n), 2);
		}
		this.mask.copy(out, header);
		for (let i = 0; i < n; i++) out[header + 4 + i] = payload[i] ^ this.mask[i & 3];
		return out;
	}

	private receive(chunk: Buffer): void {
		const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
		this.bytesIn += chunk.length;
		let pos = 0;
		for (;;) {
			if (buf.length - pos < 2) break;
			const b0 = buf[pos];
			let length = buf[pos + 1] & 0x7f;
			let header = 2;
			if (length === 126) {
				if (buf.length - pos < 4) break;
				length = buf.readUInt16BE(pos + 2);
				header = 4;
			} else if (length === 127) {
				if (buf.length - pos < 10) break;
				length = Number(buf.readBigUInt64BE(pos + 2));
				header = 10;
			}
			if (buf.length - pos < header + length) break;
			const start = pos + header;
			const end = start + length;
			pos = end;
			const opcode = b0 & 0x0f;
			if (opcode === 0x2) {
				this.messagesIn++;
				this.options.onMessage(buf, start, end);
			} else if (opcode === 0x9) {
				if (!this.closed) this.socket.write(this.frame(0xa, buf.subarray(start, end)));
			} else if (opcode === 0x8) {
				const code = length >= 2 ? buf.readUInt16BE(start) : 1005;
				const reason = length > 2 ? buf.toString('utf8', start + 2, end) : '';
				if (!this.closed) {
					this.socket.write(this.frame(0x8, buf.subarray(start, Math.min(end, start + 2))));
					this.socket.end();
				}
				this.finish(code, reason);
				return;
			}
			// Continuation frames (servers here never fragment) and pongs are skipped.
		}
		// Keep an incomplete frame; copy it so the chunk it came in can be freed.
		this.pending = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
	}

	private finish(code: number, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		this.options.onClose(code, reason);
	}
}

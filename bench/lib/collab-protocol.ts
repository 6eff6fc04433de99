// What the collab scenario's processes agree on: the servers, the wire format, the edit
// schedule and how an edit is recognised in a document.
import * as encoding from 'lib0/encoding';

export type ServerKind = 'rahkar' | 'yws' | 'hocuspocus';

export const serverTitles: Record<ServerKind, string> = {
	rahkar: 'Rahkar',
	yws: '@y/websocket-server 0.1.1',
	hocuspocus: 'Hocuspocus 3.4'
};

/** Where and how clients reach a server under test. */
export interface Target {
	kind: ServerKind;
	/** ws://127.0.0.1:<port> */
	wsBase: string;
	docName: string;
	/** Cookie header (Rahkar only). */
	cookie?: string;
}

/** The WebSocket URL of a document: y-websocket puts the name in the path, Hocuspocus in
 * every message. */
export function documentUrl(target: Target): string {
	if (target.kind === 'rahkar') return `${target.wsBase}/collab/${encodeURIComponent(target.docName)}`;
	if (target.kind === 'yws') return `${target.wsBase}/${encodeURIComponent(target.docName)}`;
	return `${target.wsBase}/`;
}

/** The load: `writers` co-editors, each `rate` edits per second for `seconds`. */
export interface Load {
	writers: number;
	rate: number;
	seconds: number;
}

export const editsPerWriter = (load: Load): number => Math.round(load.rate * load.seconds);

/** Writer i's Yjs client id. Observers and checkers keep random ids (a collision with this
 * range is a one-in-millions chance). */
export const WRITER_CLIENT_BASE = 3_000_000_000;

/** Every edit inserts exactly this many characters, so a writer's clock in a document's
 * state vector says how many of its edits the document holds: clock / EDIT_LENGTH. */
export const EDIT_LENGTH = 9;

/** The text of writer i's edit number `seq`: "w" + 3 base-36 digits + "." + 3 + ";". */
export function editText(writer: number, seq: number): string {
	const b36 = (n: number) => (n % 46656).toString(36).padStart(3, '0');
	return `w${b36(writer)}.${b36(seq)};`;
}

/** When writer i's edit `seq` is due (open loop: fixed times, whatever happens). The
 * writers' phases are spread evenly over one period. `t0` is on the shared clock below. */
export function dueAt(t0: number, load: Load, writer: number, seq: number): number {
	const period = 1000 / load.rate;
	return t0 + (writer / load.writers) * period + seq * period;
}

/** A clock every process on the machine shares (wall-clock based, sub-millisecond). */
export const now = (): number => performance.timeOrigin + performance.now();

// --- wire format ---------------------------------------------------------------------

export const SYNC = 0;
export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;
/** Hocuspocus only: the answer to a client's sync step 1 comes as "SyncReply". */
export const SYNC_REPLY = 4;
const HOCUSPOCUS_AUTH = 2;

/** Builds sync messages for one document in one server's dialect. */
export class Wire {
	/** Hocuspocus prefixes every message with the document name. */
	readonly prefix: Uint8Array;

	constructor(
		readonly kind: ServerKind,
		docName: string
	) {
		const e = encoding.createEncoder();
		if (kind === 'hocuspocus') encoding.writeVarString(e, docName);
		this.prefix = encoding.toUint8Array(e);
	}

	sync(step: number, payload: Uint8Array): Uint8Array {
		const e = encoding.createEncoder();
		encoding.writeUint8Array(e, this.prefix);
		encoding.writeVarUint(e, SYNC);
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
		return encoding.toUint8Array(e);
	}

	/** Hocuspocus wants an auth message (an empty token here) before anything else. */
	hello(): Uint8Array | null {
		if (this.kind !== 'hocuspocus') return null;
		const e = encoding.createEncoder();
		encoding.writeUint8Array(e, this.prefix);
		encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
		encoding.writeVarUint(e, 0); // token
		encoding.writeVarString(e, '');
		return encoding.toUint8Array(e);
	}

	/** If bytes [start, end) are the server's sync step 1, the offset of its state vector
	 * (a var-length byte array); otherwise -1. Looks at three bytes, decodes nothing. */
	step1Offset(data: Uint8Array, start: number, end: number): number {
		const at = start + this.prefix.length;
		if (end - at < 3) return -1;
		const type = data[at];
		if ((type === SYNC || (this.kind === 'hocuspocus' && type === SYNC_REPLY)) && data[at + 1] === STEP1) return at + 2;
		return -1;
	}
}

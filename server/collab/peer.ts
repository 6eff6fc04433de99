// A connected client as a room sees it, and the error that closes one.

export interface Peer {
	readonly canEdit: boolean;
	readonly wantsAcks: boolean;
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

/** Thrown for a message that does not follow the protocol; the peer is closed with it. */
export class ProtocolError extends Error {
	constructor(
		readonly code: number,
		message: string
	) {
		super(message);
	}
}

// A connected client as a room sees it, and the error that closes one.
import type { RefusedReason } from '../../shared/collab';

export interface Peer {
	/** The signed-in user; one user's connections may take over each other's presence ids. */
	readonly userId: string;
	readonly canEdit: boolean;
	/** Why a read-only peer's edits are dropped ('closed' agenda, or the user's role). */
	readonly readOnly?: RefusedReason;
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

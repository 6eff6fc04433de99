// The ground floor of every socket conversation: why something was refused, the shape of
// every acknowledgement, and how a person appears in a presence list. Imported by the
// server's domain errors and by the browser alike; imports nothing of ours.

export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every acknowledgement has this shape; `code` says why something was refused. */
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message?: string };

export interface PresenceEntry {
	userId: string;
	name: string;
	side: string | null;
}

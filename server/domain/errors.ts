// Typed domain errors. Adapters map them in one place each: HTTP statuses (httpStatus),
// socket acknowledgements ({ ok: false, code }) and WebSocket close codes (server/collab).

import type { ErrorCode } from '../../shared/acks';

export type { ErrorCode } from '../../shared/acks';

export class DomainError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string = code,
		/** For INVALID and CONFLICT: which input field is wrong, and why (a short code), so a form can say so. */
		readonly fields?: Record<string, string>
	) {
		super(message);
		this.name = 'DomainError';
	}
}

const STATUS: Record<ErrorCode, number> = {
	UNAUTHENTICATED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	INVALID: 400,
	CONFLICT: 409,
	RATE_LIMITED: 429,
	UNAVAILABLE: 503
};

/** The HTTP status for a domain error code. */
export const httpStatus = (code: ErrorCode): number => STATUS[code];

// The collab server's wire constants, shared by the server and the browser client.

/** y-websocket message types, plus Rahkar's own "saved" acknowledgement. */
export const MessageType = {
	sync: 0,
	awareness: 1,
	auth: 2,
	queryAwareness: 3,
	/** Server → client, only for clients that connect with `?acks=1`: the server's state
	 * vector after an update was written to the database. Everything it covers is saved. */
	saved: 100,
	/** Server → client, only for clients that connect with `?acks=1`:
	 * `[varUint 101][varString reason]`, sent when this client is read-only and sent an update
	 * holding something the document does not have (a struct beyond the server's state
	 * vector, or a deletion of something not deleted). The server dropped that update and
	 * will drop every later one: the client should discard its unsaved local edits. A
	 * read-only client's sync step 2 that holds nothing new is not answered with it.
	 * `reason` is a RefusedReason. */
	refused: 101
} as const;

/** Why the server refused an edit (the reason of MessageType.refused). */
export const RefusedReason = {
	/** The meeting is closed (or cancelled): its agenda is part of the minutes, read-only. */
	closed: 'closed',
	/** The user may read this document but not edit it (an observer). */
	readOnly: 'read-only'
} as const;
export type RefusedReason = (typeof RefusedReason)[keyof typeof RefusedReason];

/** Close codes. 4400–4499 tell the stock provider not to reconnect (it cannot help);
 * 4500–4599 mean "try again later". */
export const CloseCode = {
	malformed: 4400,
	unauthenticated: 4401,
	forbidden: 4403,
	notFound: 4404,
	tooLarge: 4413,
	unavailable: 4503,
	shuttingDown: 4504,
	/** The user's rights on the document changed (e.g. the meeting closed); reconnect. */
	rightsChanged: 4505
} as const;

/** Largest message a client may send (an update, an awareness state). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Largest awareness state one client may publish, as JSON. */
export const MAX_AWARENESS_BYTES = 8 * 1024;

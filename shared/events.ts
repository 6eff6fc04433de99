// Socket.IO event maps and payload schemas, defined once for the server and the browser.
import { z } from 'zod';
import type { ErrorCode } from '../server/domain/errors';
import type { MeetingClientEvents, MeetingServerEvents } from './meeting-events';
import type { ActionItemClientEvents, ActionItemServerEvents } from './action-item-events';
import type { VoteClientEvents, VoteServerEvents } from './vote-events';

export const GroupJoinPayload = z.object({ groupId: z.string().min(1).max(64) });
export type GroupJoinPayload = z.infer<typeof GroupJoinPayload>;

/** Every acknowledgement has this shape; `code` says why something was refused. */
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message?: string };

export interface PresenceEntry {
	userId: string;
	name: string;
	side: string | null;
}

export interface ClientToServerEvents extends MeetingClientEvents, VoteClientEvents, ActionItemClientEvents {
	'group:join': (payload: GroupJoinPayload, ack: (result: Ack<{ role: string | null; canEdit: boolean }>) => void) => void;
	'group:leave': (payload: GroupJoinPayload, ack: (result: Ack) => void) => void;
}

export interface ServerToClientEvents extends MeetingServerEvents, VoteServerEvents, ActionItemServerEvents {
	'group:presence': (payload: { groupId: string; present: PresenceEntry[] }) => void;
}

// Socket.IO event maps and payload schemas, defined once for the server and the browser.
import { z } from 'zod';
import type { Ack, PresenceEntry } from './acks';
import type { MeetingClientEvents, MeetingServerEvents } from './meeting-events';
import type { ActionItemClientEvents, ActionItemServerEvents } from './action-item-events';
import type { VoteClientEvents, VoteServerEvents } from './vote-events';
import type { DiscussionClientEvents, DiscussionServerEvents } from './discussion';

export const GroupJoinPayload = z.object({ groupId: z.string().min(1).max(64) });
export type GroupJoinPayload = z.infer<typeof GroupJoinPayload>;

export type { Ack, ErrorCode, PresenceEntry } from './acks';

export interface ClientToServerEvents extends MeetingClientEvents, VoteClientEvents, ActionItemClientEvents, DiscussionClientEvents {
	'group:join': (payload: GroupJoinPayload, ack: (result: Ack<{ role: string | null; canEdit: boolean }>) => void) => void;
	'group:leave': (payload: GroupJoinPayload, ack: (result: Ack) => void) => void;
}

export interface ServerToClientEvents extends MeetingServerEvents, VoteServerEvents, ActionItemServerEvents, DiscussionServerEvents {
	'group:presence': (payload: { groupId: string; present: PresenceEntry[] }) => void;
}

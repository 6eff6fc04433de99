// The live meeting's Socket.IO events and their payload schemas (composed into
// shared/events.ts). The server validates every payload with these before anything else.
import { z } from 'zod';
import type { Ack } from './acks';
import type { MeetingPatch, MeetingRoomView, MeetingViewer } from './meeting-state';

const Id = z.string().min(1).max(64);
/** Agenda item ids come from the Yjs document; any short printable token is accepted. */
const ItemId = z
	.string()
	.min(1)
	.max(64)
	.regex(/^[\w.-]+$/);

export const MeetingRef = z.object({ meetingId: Id });
export type MeetingRef = z.infer<typeof MeetingRef>;

export const CurrentItemPayload = MeetingRef.extend({ itemId: ItemId.nullable() });
export type CurrentItemPayload = z.infer<typeof CurrentItemPayload>;

/** Longest planned duration a timer accepts: ten hours. */
export const MAX_TIMER_SEC = 36_000;

export const TimerPayload = z.discriminatedUnion('action', [
	MeetingRef.extend({ action: z.literal('start'), itemId: ItemId, durationSec: z.number().int().min(1).max(MAX_TIMER_SEC) }),
	MeetingRef.extend({ action: z.literal('pause') }),
	MeetingRef.extend({ action: z.literal('resume') }),
	MeetingRef.extend({ action: z.literal('reset') })
]);
export type TimerPayload = z.infer<typeof TimerPayload>;

export const HandPayload = MeetingRef.extend({ raised: z.boolean() });
export type HandPayload = z.infer<typeof HandPayload>;

export const QueuePayload = z.discriminatedUnion('action', [
	/** Ends the current turn and gives the floor to the first raised hand. */
	MeetingRef.extend({ action: z.literal('next') }),
	/** Ends the current turn without calling anyone. */
	MeetingRef.extend({ action: z.literal('end') }),
	MeetingRef.extend({ action: z.literal('remove'), turnId: Id }),
	MeetingRef.extend({ action: z.literal('move'), turnId: Id, toIndex: z.number().int().min(0).max(10_000) })
]);
export type QueuePayload = z.infer<typeof QueuePayload>;

export const CheckInPayload = MeetingRef.extend({ present: z.boolean().default(true) });
export type CheckInPayload = z.input<typeof CheckInPayload>;

export const AttendancePayload = MeetingRef.extend({ personId: Id, present: z.boolean() });
export type AttendancePayload = z.infer<typeof AttendancePayload>;

type Changed = (result: Ack<{ version: number }>) => void;

export interface MeetingClientEvents {
	/** Joins the meeting's room; answers with everything at once. */
	'meeting:join': (payload: MeetingRef, ack: (result: Ack<MeetingRoomView & { viewer: MeetingViewer }>) => void) => void;
	'meeting:leave': (payload: MeetingRef, ack: (result: Ack) => void) => void;
	'meeting:start': (payload: MeetingRef, ack: Changed) => void;
	'meeting:close': (payload: MeetingRef, ack: Changed) => void;
	'meeting:current': (payload: CurrentItemPayload, ack: Changed) => void;
	'meeting:timer': (payload: TimerPayload, ack: Changed) => void;
	'meeting:hand': (payload: HandPayload, ack: Changed) => void;
	'meeting:queue': (payload: QueuePayload, ack: Changed) => void;
	'meeting:checkin': (payload: CheckInPayload, ack: Changed) => void;
	'meeting:attendance': (payload: AttendancePayload, ack: Changed) => void;
}

export interface MeetingServerEvents {
	/** The whole room again (after a gap in the cluster's relay): replaces what the client holds. */
	'meeting:room': (payload: MeetingRoomView & { meetingId: string }) => void;
	/** What changed since the broadcast named by `base` (shared/meeting-state.ts). */
	'meeting:patch': (patch: MeetingPatch) => void;
}

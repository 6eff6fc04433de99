// Socket.IO events for action items and notifications (composed into shared/events.ts).
// Every payload is validated with these schemas on the server before anything else.
import { z } from 'zod';
import type { Ack } from './acks';
import { ACTION_STATUSES, MAX_ACTION_NOTE, type FollowUpsView, type NotificationView } from './action-items';

const Id = z.string().min(1).max(64);

export const FollowUpsRef = z.object({ meetingId: Id });
export type FollowUpsRef = z.infer<typeof FollowUpsRef>;

/** A status change, optionally with a progress note; BLOCKED needs a reason. */
export const StatusPayload = z.object({
	itemId: Id,
	status: z.enum(ACTION_STATUSES),
	reason: z.string().trim().max(MAX_ACTION_NOTE).optional(),
	note: z.string().trim().max(MAX_ACTION_NOTE).optional()
});
export type StatusPayload = z.infer<typeof StatusPayload>;

export const NotePayload = z.object({ itemId: Id, note: z.string().trim().min(1).max(MAX_ACTION_NOTE) });
export type NotePayload = z.infer<typeof NotePayload>;

/** Marks some notifications read, or all of them when `ids` is absent. */
export const ReadPayload = z.object({ ids: z.array(Id).max(200).optional() });
export type ReadPayload = z.infer<typeof ReadPayload>;

export interface ActionItemClientEvents {
	/** Follows a meeting's follow-ups (without joining its room); answers with the list now. */
	'followups:watch': (payload: FollowUpsRef, ack: (result: Ack<{ followUps: FollowUpsView }>) => void) => void;
	'followups:unwatch': (payload: FollowUpsRef, ack: (result: Ack) => void) => void;
	'action:status': (payload: StatusPayload, ack: (result: Ack) => void) => void;
	'action:note': (payload: NotePayload, ack: (result: Ack) => void) => void;
	'notifications:read': (payload: ReadPayload, ack: (result: Ack<{ unread: number }>) => void) => void;
}

export interface ActionItemServerEvents {
	/** A meeting's follow-ups after an item changed; keep it when its stamp is the newest. */
	'meeting:followups': (followUps: FollowUpsView) => void;
	/** A new notification for this user, with the unread count after it. */
	'notification:new': (payload: { notification: NotificationView; unread: number }) => void;
	/** The unread count changed elsewhere (marked read in another tab). */
	'notification:unread': (payload: { unread: number }) => void;
}

// What a committed change touched, as the domain says it. Every mutating function returns
// one of these, carrying what its caller answers with (the meeting's version, the vote's
// id or result, the unread count); the doors (socket handlers, form actions, jobs) pass it
// to the one publisher, server/realtime/live-rooms.ts, without reading it, and the
// publisher alone knows who must hear what (room patches, vote state, follow-ups, discussions, bells).
import type { NotificationView } from '../../shared/action-items';

/** A notification made for a user, to deliver live to their room. */
export interface Notice {
	userId: string;
	notification: NotificationView;
}

/** A meeting's live state changed; `votes`: and with it whether votes may be held (it went
 * live or closed), which the votes page's watchers, outside the room, hear too. */
export interface MeetingChanged {
	kind: 'meeting';
	meetingId: string;
	/** The meeting's version after the change (the room's acknowledgement). */
	version: number;
	votes: boolean;
}

/** A meeting's votes or decisions changed. */
export interface VotesChanged {
	kind: 'votes';
	meetingId: string;
}

/** An action item was made or changed: the notices it made, and the group whose meetings'
 * follow-ups show it. */
export interface ActionItemChanged {
	kind: 'action-item';
	itemId: string;
	groupId: string;
	notices: Notice[];
}

/** A proposal's discussion changed (a comment, an answer, an edit, a hiding): its page's
 * watchers, and the notices its mentions made. */
export interface DiscussionChanged {
	kind: 'discussion';
	proposalId: string;
	commentId: string;
	notices: Notice[];
}

/** A user read some of their notifications: the bells of their open tabs. */
export interface UnreadChanged {
	kind: 'unread';
	userId: string;
	unread: number;
}

export type DomainChange = MeetingChanged | VotesChanged | ActionItemChanged | DiscussionChanged | UnreadChanged;

export const votesChanged = (meetingId: string): VotesChanged => ({ kind: 'votes', meetingId });

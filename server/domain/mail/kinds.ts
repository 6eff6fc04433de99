// Every kind of mail Rahkar sends, the topic whose switch turns it off, and which kinds may
// wait for a person's digest.
import type { MailTopic } from '../../../shared/mail';

export const MAIL_KINDS = [
	'password-reset',
	'account-invitation',
	'meeting-invitation',
	'meeting-reminder',
	'agenda-published',
	'minutes-archived',
	'action-assigned',
	'action-due-soon',
	'action-overdue',
	'digest'
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** null: sent whatever the preferences say (someone asked for it just now, or asked for the digest). */
export const TOPIC_OF: Record<MailKind, MailTopic | null> = {
	'password-reset': null,
	'account-invitation': null,
	'meeting-invitation': 'meetings',
	'meeting-reminder': 'reminders',
	'agenda-published': 'agenda',
	'minutes-archived': 'minutes',
	'action-assigned': 'action-assigned',
	'action-due-soon': 'action-due',
	'action-overdue': 'action-overdue',
	digest: null
};

/** Notices a digest may gather. Invitations carry the calendar entry and reminders are about
 * a time; both lose their point in a mail that comes later, so they always go at once. */
export const DIGESTIBLE: ReadonlySet<MailKind> = new Set<MailKind>([
	'agenda-published',
	'minutes-archived',
	'action-assigned',
	'action-due-soon',
	'action-overdue'
]);

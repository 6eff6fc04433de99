// Every kind of mail Rahkar sends, and the topic whose switch turns it off.
import type { MailTopic } from '../../../shared/mail';

export const MAIL_KINDS = ['password-reset', 'meeting-invitation', 'minutes-archived'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** null: sent whatever the preferences say (someone asked for it just now). */
export const TOPIC_OF: Record<MailKind, MailTopic | null> = {
	'password-reset': null,
	'meeting-invitation': 'meetings',
	'minutes-archived': 'minutes'
};

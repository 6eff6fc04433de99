// What a person may turn off in their mail: one switch per topic (shared by the preferences
// page and the unsubscribe links). Password resets are always sent and have no switch.
import { z } from 'zod';

export const MAIL_TOPICS = ['meetings', 'minutes'] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];
export const MailTopicSchema = z.enum(MAIL_TOPICS);

/** The preferences form: each topic's checkbox (sent only when ticked). */
export const MailPreferencesInput = z.object({ meetings: z.boolean(), minutes: z.boolean() });

// What a person may turn off in their mail: one switch per topic (shared by the preferences
// page and the unsubscribe links), and whether their notices come one by one or gathered in a
// digest. Password resets are always sent and have no switch.
import { z } from 'zod';

export const MAIL_TOPICS = ['meetings', 'reminders', 'agenda', 'minutes', 'action-assigned', 'action-due', 'action-overdue'] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];
export const MailTopicSchema = z.enum(MAIL_TOPICS);

/** off: every mail on its own; daily or weekly: notices wait for one digest mail. */
export const DIGEST_CADENCES = ['off', 'daily', 'weekly'] as const;
export type DigestCadence = (typeof DIGEST_CADENCES)[number];

/** The preferences form: each topic's checkbox (sent only when ticked) and the digest choice. */
export const MailPreferencesInput = z.object({
	...(Object.fromEntries(MAIL_TOPICS.map((t) => [t, z.boolean()])) as Record<MailTopic, z.ZodBoolean>),
	digest: z.enum(DIGEST_CADENCES).default('off')
});
export type MailPreferences = z.output<typeof MailPreferencesInput>;

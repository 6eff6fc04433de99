// The password reset mail (server/domain/password-reset.ts has the rest of the rule): better-auth
// calls this when it made a reset token, and the mail goes into the outbox.
import type { Db } from '../../db/client';
import { enqueueMail } from './outbox';

/** How long a reset link works. */
export const RESET_MINUTES = 60;

/** better-auth's sendResetPassword: the reset mail, in the user's language, into the outbox. */
export async function queueResetMail(
	db: Db,
	user: { id: string; email: string; name: string; locale?: string | null; organisationId?: string; personId?: string | null },
	token: string
): Promise<void> {
	await enqueueMail(db, {
		kind: 'password-reset',
		organisationId: user.organisationId ?? null,
		to: { address: user.email, name: user.name },
		userId: user.id,
		personId: user.personId ?? null,
		locale: user.locale ?? 'fa',
		payload: { token, minutes: RESET_MINUTES }
	});
}

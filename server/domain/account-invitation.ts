// An administrator invites a person of the databank to an account: the account is made at
// once (signed in by nobody, no password), and the person is mailed a link that works once,
// for INVITATION_DAYS days, to choose their password. The link is better-auth's own reset
// link (a Verification row "reset-password:<token>" holding the user's id), so choosing the
// password is the reset page's work, and using it consumes the token like any reset.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/bulk-insert';
import type { Actor } from './access';
import { DomainError } from './errors';
import { enqueueMail } from './mail/outbox';
import { INVITATION_DAYS } from '../../shared/accounts';

export { INVITATION_DAYS };

/** The invitation link's token, as long as better-auth's own (24 characters). */
const newToken = () => randomBytes(18).toString('base64url');

export async function inviteToAccount(
	db: Db,
	actor: Actor,
	personId: string,
	now = new Date()
): Promise<{ userId: string; email: string }> {
	if (!actor.isAdmin) throw new DomainError('FORBIDDEN', 'only administrators invite to an account');
	const person = await db.person.findFirst({
		where: { id: personId, organisationId: actor.organisationId },
		select: {
			id: true,
			name: true,
			email: true,
			archivedAt: true,
			user: { select: { id: true } },
			organisation: { select: { name: true } }
		}
	});
	if (!person) throw new DomainError('NOT_FOUND', 'person not found');
	if (person.user) throw new DomainError('CONFLICT', 'the person has an account', { form: 'has_account' });
	if (person.archivedAt) throw new DomainError('CONFLICT', 'the person is archived', { form: 'archived' });
	const email = person.email?.trim().toLowerCase();
	if (!email) throw new DomainError('CONFLICT', 'the person has no email', { form: 'no_email' });
	if (await db.user.findUnique({ where: { email }, select: { id: true } }))
		throw new DomainError('CONFLICT', 'another account has this email', { form: 'account_email_taken' });
	const token = newToken();
	const inviter = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, locale: true } });
	// Two administrators at once: the second transaction meets the first's account (the
	// person and the email are unique on users) and is told so, not shown an error page.
	return db
		.$transaction(async (tx) => {
			const user = await tx.user.create({
				data: { organisationId: actor.organisationId, email, name: person.name, emailVerified: false, personId: person.id },
				select: { id: true, email: true }
			});
			await tx.verification.create({
				data: { identifier: `reset-password:${token}`, value: user.id, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) }
			});
			await enqueueMail(tx, {
				kind: 'account-invitation',
				organisationId: actor.organisationId,
				to: { address: email, name: person.name },
				userId: user.id,
				personId: person.id,
				// The person has no language of their own yet: the inviter's, Persian by default.
				locale: inviter?.locale ?? 'fa',
				payload: { token, days: INVITATION_DAYS, organisation: person.organisation.name, inviter: inviter?.name ?? '' }
			});
			return { userId: user.id, email: user.email };
		})
		.catch((e: unknown) => {
			if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'the person has an account', { form: 'has_account' });
			throw e;
		});
}

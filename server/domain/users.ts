// Accounts: creating a user with a password (the CLI, the demo seed, administrators).
import { z } from 'zod';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { DomainError } from './errors';

export const NewUser = z.object({
	organisationId: z.string().min(1),
	email: z.string().trim().toLowerCase().email().max(254),
	name: z.string().trim().min(1).max(200),
	password: z.string().min(8, 'at least 8 characters').max(128),
	isAdmin: z.boolean().default(false),
	personId: z.string().nullable().default(null)
});
export type NewUser = z.input<typeof NewUser>;

/** Creates a user and their password credential in one transaction. */
export async function createUser(deps: { db: Db; auth: Auth }, input: NewUser): Promise<{ id: string; email: string }> {
	const data = NewUser.parse(input);
	if (await deps.db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
		throw new DomainError('CONFLICT', 'a user with this email exists');
	}
	const ctx = await deps.auth.$context;
	const hash = await ctx.password.hash(data.password);
	return deps.db.$transaction(async (tx) => {
		const user = await tx.user.create({
			data: {
				organisationId: data.organisationId,
				email: data.email,
				name: data.name,
				emailVerified: true,
				isAdmin: data.isAdmin,
				personId: data.personId
			},
			select: { id: true, email: true }
		});
		// better-auth's email+password credential: providerId "credential", accountId = user id.
		await tx.account.create({ data: { userId: user.id, providerId: 'credential', accountId: user.id, password: hash } });
		return user;
	});
}

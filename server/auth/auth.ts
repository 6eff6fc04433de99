// Sessions and passwords through better-auth: sessions live in the database, passwords
// are hashed with scrypt, the cookie is signed, HttpOnly and SameSite=Lax. Rahkar never
// mounts better-auth's HTTP handler: sign-in is a SvelteKit form action (so it works
// without JavaScript and stays under SvelteKit's origin check) that calls the server API.
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { fromNodeHeaders } from 'better-auth/node';
import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from '../domain/access';
import { RESET_MINUTES, queueResetMail } from '../domain/mail/reset-mail';
import { logger } from '../observability/logger';

export interface AuthOptions {
	db: Db;
	config: Config;
	secret: string;
}

/** Cookies are Secure in production, unless the public origin is explicitly plain http. */
export const useSecureCookies = (config: Pick<Config, 'production' | 'origin'>): boolean =>
	config.origin ? config.origin.startsWith('https:') : config.production;

export function createAuth({ db, config, secret }: AuthOptions) {
	return betterAuth({
		secret,
		baseURL: config.origin ?? `http://localhost:${config.port}`,
		database: prismaAdapter(db, { provider: config.databaseProvider, transaction: true }),
		emailAndPassword: {
			enabled: true,
			disableSignUp: true,
			minPasswordLength: 8,
			// A reset link works once (better-auth consumes its Verification row) for an hour; the
			// mail goes through the outbox (server/domain/mail/reset-mail.ts), never straight out.
			resetPasswordTokenExpiresIn: RESET_MINUTES * 60,
			revokeSessionsOnPasswordReset: true,
			sendResetPassword: ({ user, token }) => queueResetMail(db, user, token)
		},
		session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
		user: {
			additionalFields: {
				organisationId: { type: 'string', required: true, input: false },
				personId: { type: 'string', required: false, input: false },
				isAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
				locale: { type: 'string', required: false, input: false }
			}
		},
		advanced: { useSecureCookies: useSecureCookies(config) },
		telemetry: { enabled: false },
		// Into the server's log; of its extra arguments only an error is kept (the rest may hold a user's data).
		logger: {
			log: (level, message, ...args) =>
				logger()[level]({ source: 'better-auth', err: args.find((a): a is Error => a instanceof Error) }, message)
		}
	});
}

export type Auth = ReturnType<typeof createAuth>;

export interface SessionUser extends Actor {
	name: string;
	email: string;
	locale: string | null;
	/** The session's row id (not its token): sockets opened with it close when it ends. */
	sessionId: string;
}

/** Reads the signed-in user from request headers; null without a valid session. */
export async function sessionUser(auth: Auth, headers: Headers | IncomingHttpHeaders): Promise<SessionUser | null> {
	const h = headers instanceof Headers ? headers : fromNodeHeaders(headers);
	if (!h.get('cookie')) return null;
	// No refresh here: a WebSocket upgrade has no way to deliver a refreshed cookie.
	const session = await auth.api.getSession({ headers: h, query: { disableRefresh: true } });
	if (!session) return null;
	const u = session.user;
	return {
		userId: u.id,
		name: u.name,
		email: u.email,
		organisationId: u.organisationId,
		personId: u.personId ?? null,
		isAdmin: u.isAdmin === true,
		locale: u.locale ?? null,
		sessionId: session.session.id
	};
}

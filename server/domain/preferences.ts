import type { Db } from '../db/client';

/** Remembers the user's language so it follows them to a new device at sign-in. */
export async function setPreferredLocale(db: Db, userId: string, locale: string): Promise<void> {
	await db.user.update({ where: { id: userId }, data: { locale } });
}

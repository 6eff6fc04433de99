// The session-signing secret: RAHKAR_SECRET when given, otherwise one generated on first
// start and kept in the database so every node and every restart uses the same one.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

const KEY = 'auth.secret';

export async function sessionSecret(db: Db, fromEnv?: string): Promise<string> {
	if (fromEnv) return fromEnv;
	const existing = await db.setting.findUnique({ where: { key: KEY } });
	if (existing) return existing.value;
	try {
		await db.setting.create({ data: { key: KEY, value: randomBytes(32).toString('base64url') } });
	} catch {
		// Another node created it first; fall through and read theirs.
	}
	return (await db.setting.findUniqueOrThrow({ where: { key: KEY } })).value;
}

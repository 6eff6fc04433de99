// Signed links in mail. The key is the installation's own (kept in the database so every node
// signs alike) and is used for nothing else; a link names what it does and whom, and the
// signature makes it unforgeable without a session.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import { MailTopicSchema, type MailTopic } from '../../../shared/mail';

const KEY = 'mail.link-key';

/** The link-signing key, created on first use (another node may create it first). */
export async function linkKey(db: Pick<Db, 'setting'>): Promise<string> {
	const existing = await db.setting.findUnique({ where: { key: KEY } });
	if (existing) return existing.value;
	try {
		await db.setting.create({ data: { key: KEY, value: randomBytes(32).toString('base64url') } });
	} catch {
		// Another node created it first.
	}
	return (await db.setting.findUniqueOrThrow({ where: { key: KEY } })).value;
}

const sign = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64url').slice(0, 32);

/** The token of a person's unsubscribe link for one topic. */
export function unsubscribeToken(key: string, personId: string, topic: MailTopic): string {
	return `${personId}.${topic}.${sign(key, `unsubscribe\n${personId}\n${topic}`)}`;
}

/** Whom and what an unsubscribe token names; null unless it is genuine. */
export function readUnsubscribeToken(key: string, token: string): { personId: string; topic: MailTopic } | null {
	const [personId, topic, signature, ...rest] = token.split('.');
	if (rest.length || !personId || !signature) return null;
	const parsedTopic = MailTopicSchema.safeParse(topic);
	if (!parsedTopic.success) return null;
	const expected = Buffer.from(sign(key, `unsubscribe\n${personId}\n${parsedTopic.data}`));
	const given = Buffer.from(signature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	return { personId, topic: parsedTopic.data };
}

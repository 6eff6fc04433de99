// Which mail a person wants: every topic until they turn it off, on their preferences page or
// with the one-click unsubscribe link in a mail.
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { MAIL_TOPICS, type MailPreferences, type MailTopic } from '../../../shared/mail';
import type { MailWriter } from './outbox';
import { linkKey, readUnsubscribeToken } from './links';
import { digestCadence, setDigestCadence } from './digest';

/** Of these people, those who turned `topic` off. */
export async function optedOut(db: MailWriter, personIds: string[], topic: MailTopic): Promise<Set<string>> {
	if (personIds.length === 0) return new Set();
	const rows = await db.mailPreference.findMany({
		where: { personId: { in: personIds }, kind: topic, enabled: false },
		select: { personId: true }
	});
	return new Set(rows.map((r) => r.personId));
}

async function setPreference(db: Db, personId: string, topic: MailTopic, enabled: boolean): Promise<void> {
	await db.mailPreference.upsert({
		where: { personId_kind: { personId, kind: topic } },
		create: { personId, kind: topic, enabled },
		update: { enabled }
	});
}

/** What an unsubscribe link would turn off, if it is genuine (the confirmation page shows it). */
export async function unsubscribeTarget(db: Db, token: string): Promise<{ topic: MailTopic; subscribed: boolean }> {
	const target = readUnsubscribeToken(await linkKey(db), token);
	if (!target) throw new DomainError('NOT_FOUND', 'not an unsubscribe link');
	const out = await optedOut(db, [target.personId], target.topic);
	return { topic: target.topic, subscribed: !out.has(target.personId) };
}

/** Turns a topic off for the person an unsubscribe link names (RFC 8058 one-click, or the page). */
export async function unsubscribe(db: Db, token: string): Promise<MailTopic> {
	const target = readUnsubscribeToken(await linkKey(db), token);
	if (!target) throw new DomainError('NOT_FOUND', 'not an unsubscribe link');
	await setPreference(db, target.personId, target.topic, false);
	return target.topic;
}

/** The signed-in person's switches, and whether their notices come in a digest. */
export async function myMailPreferences(db: Db, actor: Actor): Promise<MailPreferences> {
	const off = actor.personId
		? await db.mailPreference.findMany({ where: { personId: actor.personId, enabled: false }, select: { kind: true } })
		: [];
	const topics = Object.fromEntries(MAIL_TOPICS.map((t) => [t, !off.some((p) => p.kind === t)])) as Record<MailTopic, boolean>;
	return { ...topics, digest: actor.personId ? await digestCadence(db, actor.personId) : 'off' };
}

/** The signed-in person sets their switches; someone with no person record gets no group mail. */
export async function saveMailPreferences(db: Db, actor: Actor, wanted: MailPreferences): Promise<void> {
	if (!actor.personId) throw new DomainError('CONFLICT', 'this account receives no group mail');
	for (const topic of MAIL_TOPICS) await setPreference(db, actor.personId, topic, wanted[topic]);
	await setDigestCadence(db, actor.personId, wanted.digest);
}

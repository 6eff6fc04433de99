// A person's due days as a subscribable calendar: each open item is an all-day event on its
// due day; finished items leave the feed. Calendar apps send no cookies, so the feed URL
// carries a secret token per user, which they can replace.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { allDay, calendarFile } from '../calendar-file';
import { DomainError } from '../errors';

const newToken = () => randomBytes(24).toString('base64url');

/** The user's feed secret, made on first use. */
export async function feedToken(db: Db, userId: string): Promise<string> {
	const found = await db.actionFeed.findUnique({ where: { userId } });
	if (found) return found.token;
	return (await db.actionFeed.upsert({ where: { userId }, create: { userId, token: newToken() }, update: {} })).token;
}

/** Replaces the secret: the old subscription link stops working. */
export async function resetFeedToken(db: Db, userId: string): Promise<string> {
	const token = newToken();
	await db.actionFeed.upsert({ where: { userId }, create: { userId, token }, update: { token } });
	return token;
}

const CAL_NAME: Record<string, string> = { fa: 'راهکار — اقدام‌های من', en: 'Rahkar — my action items' };

/** The feed for the holder of `token`, or for the signed-in actor; NOT_FOUND otherwise. */
export async function ownerCalendar(db: Db, who: { token: string } | { actor: Actor }, origin: string): Promise<string> {
	const user =
		'token' in who
			? (await db.actionFeed.findUnique({ where: { token: who.token }, select: { user: { select: { personId: true, locale: true } } } }))
					?.user
			: await db.user.findUnique({ where: { id: who.actor.userId }, select: { personId: true, locale: true } });
	if (!user) throw new DomainError('NOT_FOUND', 'no such calendar');
	const items = user.personId
		? await db.actionItem.findMany({
				where: { ownerPersonId: user.personId, status: { not: 'DONE' } },
				select: { id: true, title: true, dueDate: true, status: true, updatedAt: true, group: { select: { name: true } } },
				orderBy: { dueDate: 'asc' }
			})
		: [];
	return calendarFile(
		items.map((i) => {
			const url = `${origin}/actions/${i.id}`;
			return {
				uid: `action-${i.id}@rahkar`,
				title: i.title,
				...allDay(i.dueDate),
				description: `${i.group.name}\n${url}`,
				url,
				categories: [i.status],
				lastModified: i.updatedAt.getTime()
			};
		}),
		{ productId: '-//Rahkar//Action items//EN', calName: CAL_NAME[user.locale ?? 'en'] ?? CAL_NAME.en }
	);
}

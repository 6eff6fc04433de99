import { markRead, notificationsFor } from '$server/domain/action-items/notifications';
import { userRoom } from '$server/realtime/action-items';
import { requireUser } from '$lib/server/auth-guard';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { notifications: await notificationsFor(locals.context.database.db, user.userId) };
};

/** Marks some (or all) of the user's notifications read; their other tabs' bells follow. */
async function read(event: RequestEvent, all: boolean) {
	const user = requireUser(event.locals, event.url);
	const { database, io } = event.locals.context;
	const ids = all
		? undefined
		: (await event.request.formData())
				.getAll('id')
				.filter((v): v is string => typeof v === 'string')
				.slice(0, 200);
	const unread = await markRead(database.db, user.userId, ids);
	io?.to(userRoom(user.userId)).emit('notification:unread', { unread });
	return { unread };
}

export const actions: Actions = {
	read: (event) => read(event, false),
	readAll: (event) => read(event, true)
};

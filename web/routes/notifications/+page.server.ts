import { markRead, notificationsFor } from '$server/domain/action-items/notifications';
import { requireUser } from '$lib/server/auth-guard';
import { formAction, type FormContext } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { notifications: await notificationsFor(locals.services.db, user.userId) };
};

/** Marks some (or all) of the user's notifications read; their other tabs' bells follow. */
async function read({ db, user, services }: FormContext, ids: string[] | undefined) {
	const read = await markRead(db, user.userId, ids);
	await services.live.publish(read);
	return { unread: read.unread };
}

export const actions: Actions = {
	read: formAction({ arrays: ['id'] }, (v, ctx) => read(ctx, (v.id as string[]).slice(0, 200))),
	readAll: formAction((_, ctx) => read(ctx, undefined))
};

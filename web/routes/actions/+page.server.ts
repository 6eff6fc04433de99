import { myActionItems } from '$server/domain/action-items/queries';
import { feedToken, resetFeedToken } from '$server/domain/action-items/feed';
import { requireUser } from '$lib/server/auth-guard';
import { reportAction } from '$lib/server/action-item-forms';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const token = user.personId ? await feedToken(db, user.userId) : null;
	return {
		...(await myActionItems(db, user)),
		hasPerson: user.personId !== null,
		feedUrl: token ? `${url.origin}/actions/calendar.ics?token=${encodeURIComponent(token)}` : null
	};
};

export const actions: Actions = {
	update: reportAction,
	feed: formAction(async (_, { db, user }) => {
		await resetFeedToken(db, user.userId);
		return { feedReset: true };
	})
};

import { groupsForActor } from '$server/domain/groups';
import { requireUser } from '$lib/server/auth-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { groups: await groupsForActor(locals.context.database.db, user), isAdmin: user.isAdmin, name: user.name };
};

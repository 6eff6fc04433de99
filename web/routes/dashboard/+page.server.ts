import { groupsForActor } from '$server/domain/groups';
import { upcomingForActor } from '$server/domain/meetings/listing';
import { requireUser } from '$lib/server/auth-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	return { groups: await groupsForActor(db, user), meetings: await upcomingForActor(db, user), isAdmin: user.isAdmin, name: user.name };
};

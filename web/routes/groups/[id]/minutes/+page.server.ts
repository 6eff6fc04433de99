import { groupArchive } from '$server/domain/minutes/minutes';
import { groupDetail } from '$server/domain/groups';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db, database } = locals.services;
	const group = await domainCall(() => groupDetail(db, user, params.id));
	return { group: { id: group.id, name: group.name }, archive: await domainCall(() => groupArchive(database, user, params.id)) };
};

import { groupDetail } from '$server/domain/groups';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { group: await domainCall(() => groupDetail(locals.context.database.db, user, params.id)) };
};

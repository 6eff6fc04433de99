import { outcomesOverview } from '$server/domain/proposals/outcome-views';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { queryObject } from '$lib/server/form-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { overview: await domainCall(() => outcomesOverview(locals.services.db, user, queryObject(url.searchParams, []))) };
};

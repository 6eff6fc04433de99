// A group's delivered outcomes for anyone, without signing in (only when the group publishes).
import { publicOutcomes } from '$server/domain/proposals/outcome-views';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const page = await domainCall(() => publicOutcomes(locals.context.database.db, params.id));
	// Public, and the same for everyone: a short shared cache is fine.
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { page };
};

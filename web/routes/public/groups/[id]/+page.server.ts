// A group's delivered outcomes for anyone, without signing in (only when the group publishes).
import { publicOutcomes } from '$server/domain/proposals/outcome-views';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const page = await domainCall(() => publicOutcomes(locals.services.db, params.id));
	// The same for every anonymous reader, so a short shared cache is fine; a signed-in
	// reader's page carries their name (the layout), so no cache may keep it. Vary: Cookie
	// (and Accept-Language, which picks the language) keeps a shared cache from answering
	// a signed-in request with the anonymous copy, or one language with another.
	setHeaders({ 'cache-control': locals.user ? 'private, no-store' : 'public, max-age=60', vary: 'Cookie, Accept-Language' });
	return { page };
};

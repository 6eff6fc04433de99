// Where an intake stands, for whoever holds its tracking code: no sign-in, no personal data.
import { publicIntakeStatus } from '$server/domain/intake/intake';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	// The code is the key to the page: nothing may keep it in a shared cache.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const status = await domainCall(() => publicIntakeStatus(locals.services.db, params.code));
	return { status, isNew: url.searchParams.get('new') === '1' };
};

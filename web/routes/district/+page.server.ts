// A district's intake queue, for its staff (and the organisation's administrators).
import { intakeQueue, type QueueFilter } from '$server/domain/intake/queue';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

const FILTERS: QueueFilter[] = ['open', 'closed', 'all'];

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const asked = url.searchParams.get('show') as QueueFilter;
	const filter = FILTERS.includes(asked) ? asked : 'open';
	const { district, items } = await domainCall(() => intakeQueue(locals.services.db, user, filter));
	return { filter, items, district };
};

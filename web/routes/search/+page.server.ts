import { search } from '$server/domain/search/search-index';
import { minutesHeadings } from '$server/domain/minutes/headings';
import { requireUser } from '$lib/server/auth-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = (url.searchParams.get('q') ?? '').slice(0, 200);
	const hits = query.trim() ? await search(locals.services.database, user, query) : [];
	return { query, hits, headings: await minutesHeadings(locals.services.database, hits) };
};

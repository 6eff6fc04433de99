import { search } from '$server/domain/search/search-index';
import { isAffix } from '$server/domain/persian';
import { minutesHeadings } from '$server/domain/minutes/headings';
import { requireUser } from '$lib/server/auth-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = (url.searchParams.get('q') ?? '').slice(0, 200);
	const hits = query.trim() ? await search(locals.services.database, user, query) : [];
	// A query that found nothing suggests each of its words alone (an affix is no word).
	const words = query.split(/[\s\u200C]+/).filter((w) => w && !isAffix(w));
	const tries = hits.length === 0 && words.length > 1 ? [...new Set(words)].slice(0, 4) : [];
	return { query, hits, tries, headings: await minutesHeadings(locals.services.database, hits) };
};

import { compareRevisions } from '$server/domain/proposals/revisions';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

const num = (v: string | null) => (v && /^\d{1,6}$/.test(v) ? Number(v) : undefined);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const range = { from: num(url.searchParams.get('from')), to: num(url.searchParams.get('to')) };
	return { compare: await domainCall(() => compareRevisions(locals.services.db, user, params.id, range)) };
};

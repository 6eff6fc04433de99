// The group's action items as CSV, filtered like the list page.
import { exportGroupActionItems } from '$server/domain/action-items/csv';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { queryObject } from '$lib/server/form-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const filter = queryObject(url.searchParams, []);
	const { csv } = await domainCall(() => exportGroupActionItems(locals.services.db, user, params.id, filter, url.origin));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="rahkar-action-items-${new Date().toISOString().slice(0, 10)}.csv"`,
			'cache-control': 'no-store'
		}
	});
};

import { CSV_COLUMNS, exportPeople } from '$server/domain/databank/csv-import-export';
import { requireDatabankRight } from '$server/domain/databank/access';
import { csvFile } from '$server/domain/csv';
import type { SearchQuery } from '$server/domain/databank/search';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { queryObject } from '$lib/server/form-data';
import type { RequestHandler } from './$types';

const csvResponse = (body: string, name: string) =>
	new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});

/** The databank as CSV (administrators), filtered like the list page; `?template` sends the header row only. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	if (url.searchParams.has('template')) {
		await domainCall(() => requireDatabankRight(db, user, 'manage'));
		return csvResponse(csvFile(CSV_COLUMNS, []), 'rahkar-people-template.csv');
	}
	// The query is validated by the domain's SearchQuery schema.
	const query = queryObject(url.searchParams, ['fieldIds', 'roles', 'offers', 'seeks']) as SearchQuery;
	const csv = await domainCall(() => exportPeople(db, user, query));
	return csvResponse(csv, `rahkar-people-${new Date().toISOString().slice(0, 10)}.csv`);
};

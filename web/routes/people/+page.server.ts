import { searchPeople } from '$server/domain/databank/search';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { queryObject } from '$lib/server/form-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const result = await domainCall(() => searchPeople(db, user, queryObject(url.searchParams, ['fieldIds', 'roles', 'offers', 'seeks'])));
	const [districts, fields] = await Promise.all([
		result.rights.seeDetails ? listDistricts(db, user.organisationId) : [],
		listFields(db, user.organisationId)
	]);
	return { result, districts, fields };
};

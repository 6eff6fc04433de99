import { suggestForIdea } from '$server/domain/databank/suggestions';
import { requireDatabankRight } from '$server/domain/databank/access';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { queryObject } from '$lib/server/form-data';
import type { PageServerLoad } from './$types';

/** Suggestions for an idea described by its fields, district and needs (a GET form). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	await domainCall(() => requireDatabankRight(db, user, 'link'));
	const idea = queryObject(url.searchParams, ['fieldIds', 'seeks']) as { fieldIds: string[]; seeks: string[]; districtId?: string };
	const asked = idea.fieldIds.length > 0;
	const input = { ...idea, seeks: idea.seeks.length ? idea.seeks : undefined } as Parameters<typeof suggestForIdea>[2];
	return {
		idea: { fieldIds: idea.fieldIds, seeks: idea.seeks, districtId: idea.districtId ?? '' },
		asked,
		suggestions: asked ? await domainCall(() => suggestForIdea(db, user, input)) : [],
		districts: await listDistricts(db, user.organisationId),
		fields: await listFields(db, user.organisationId)
	};
};

import { redirect } from '@sveltejs/kit';
import { groupForEdit, updateGroup, type GroupInput } from '$server/domain/group-admin';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { GROUP_FORM } from '$lib/databank/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const group = await domainCall(() => groupForEdit(db, user, params.id));
	return { group, districts: await listDistricts(db, user.organisationId), fields: await listFields(db, user.organisationId) };
};

export const actions: Actions = {
	default: formAction(GROUP_FORM, async (values, { db, user, params }) => {
		await updateGroup(db, user, params.id, values as GroupInput);
		redirect(303, `/groups/${params.id}`);
	})
};

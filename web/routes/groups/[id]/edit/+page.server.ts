import { redirect } from '@sveltejs/kit';
import { groupForEdit, updateGroup, type GroupInput } from '$server/domain/group-admin';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import { GROUP_FORM } from '$lib/databank/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.context.database.db;
	const group = await domainCall(() => groupForEdit(db, user, params.id));
	return { group, districts: await listDistricts(db, user.organisationId), fields: await listFields(db, user.organisationId) };
};

export const actions: Actions = {
	default: async ({ locals, url, request, params }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData(), GROUP_FORM);
		const r = await formCall(values, () => updateGroup(locals.context.database.db, user, params.id, values as GroupInput));
		if (!r.ok) return r.failure;
		redirect(303, `/groups/${params.id}`);
	}
};

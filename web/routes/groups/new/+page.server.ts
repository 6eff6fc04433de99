import { error, redirect } from '@sveltejs/kit';
import { createGroup, type GroupInput } from '$server/domain/group-admin';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import { GROUP_FORM } from '$lib/databank/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, { message: 'FORBIDDEN' });
	const db = locals.context.database.db;
	return { districts: await listDistricts(db, user.organisationId), fields: await listFields(db, user.organisationId) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData(), GROUP_FORM);
		// Validated by the domain's GroupInput schema.
		const r = await formCall(values, () => createGroup(locals.context.database.db, user, values as GroupInput));
		if (!r.ok) return r.failure;
		redirect(303, `/groups/${r.value.id}`);
	}
};

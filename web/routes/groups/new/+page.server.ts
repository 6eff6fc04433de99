import { redirect } from '@sveltejs/kit';
import { createGroup, type GroupInput } from '$server/domain/group-admin';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireAdmin } from '$lib/server/auth-guard';
import { formAction } from '$lib/server/form-action';
import { GROUP_FORM } from '$lib/databank/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	const db = locals.services.db;
	return { districts: await listDistricts(db, user.organisationId), fields: await listFields(db, user.organisationId) };
};

export const actions: Actions = {
	// Validated by the domain's GroupInput schema.
	default: formAction(GROUP_FORM, async (values, { db, user }) => {
		const { id } = await createGroup(db, user, values as GroupInput);
		redirect(303, `/groups/${id}`);
	})
};

import { redirect } from '@sveltejs/kit';
import { createPerson, type PersonInput } from '$server/domain/databank/people';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireAdmin } from '$lib/server/auth-guard';
import { formAction } from '$lib/server/form-action';
import { PERSON_FORM } from '$lib/databank/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	const db = locals.services.db;
	return { districts: await listDistricts(db, user.organisationId), fields: await listFields(db, user.organisationId) };
};

export const actions: Actions = {
	// Validated by the domain's PersonInput schema.
	default: formAction(PERSON_FORM, async (values, { db, user }) => {
		const { id } = await createPerson(db, user, values as unknown as PersonInput);
		redirect(303, `/people/${id}`);
	})
};

import { error, redirect } from '@sveltejs/kit';
import { createPerson, type PersonInput } from '$server/domain/databank/people';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import { PERSON_FORM } from '$lib/databank/forms';
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
		const values = formObject(await request.formData(), PERSON_FORM);
		const r = await formCall(values, () => createPerson(locals.context.database.db, user, values as unknown as PersonInput));
		if (!r.ok) return r.failure;
		redirect(303, `/people/${r.value.id}`);
	}
};

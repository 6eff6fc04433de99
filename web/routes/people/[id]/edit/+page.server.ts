import { redirect } from '@sveltejs/kit';
import { personForEdit, updatePerson, type PersonInput } from '$server/domain/databank/people';
import { listDistricts, listFields } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { PERSON_FORM } from '$lib/databank/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const person = await domainCall(() => personForEdit(db, user, params.id));
	// Archived terms the person already carries stay on offer, so an edit does not drop them.
	const [districts, fields] = await Promise.all([
		listDistricts(db, user.organisationId, { includeArchived: true }),
		listFields(db, user.organisationId, { includeArchived: true })
	]);
	return {
		person,
		districts: districts.filter((d) => !d.archived || d.id === person.districtId),
		fields: fields.filter((f) => !f.archived || person.fieldIds.includes(f.id))
	};
};

export const actions: Actions = {
	default: formAction(PERSON_FORM, async (values, { db, user, params }) => {
		await updatePerson(db, user, params.id, values as unknown as PersonInput);
		redirect(303, `/people/${params.id}`);
	})
};

import { createField, managedFields, renameField, setFieldArchived, type FieldInput } from '$server/domain/databank/classification';
import { requireAdmin } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	return { fields: await domainCall(() => managedFields(locals.services.db, user)) };
};

// Validated by the domain's FieldInput schema.
export const actions: Actions = {
	add: formAction(async (v, { db, user }) => {
		await createField(db, user, v as FieldInput);
		return { added: true };
	}),
	rename: formAction(async (v, { db, user }) => {
		await renameField(db, user, String(v.id), String(v.name ?? ''));
		return { saved: v.id };
	}),
	archive: formAction(async (v, { db, user }) => {
		await setFieldArchived(db, user, String(v.id), v.archived === '1');
		return { saved: v.id };
	})
};

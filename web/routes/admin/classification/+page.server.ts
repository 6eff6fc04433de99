import { error } from '@sveltejs/kit';
import { createField, listFields, renameField, setFieldArchived } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, { message: 'FORBIDDEN' });
	return { fields: await listFields(locals.context.database.db, user.organisationId, { includeArchived: true }) };
};

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData());
		const r = await formCall(values, () => createField(locals.context.database.db, user, values as never));
		return r.ok ? { added: true } : r.failure;
	},
	rename: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData());
		const r = await formCall(values, () => renameField(locals.context.database.db, user, String(values.id), String(values.name ?? '')));
		return r.ok ? { saved: values.id } : r.failure;
	},
	archive: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const r = await formCall(undefined, () =>
			setFieldArchived(locals.context.database.db, user, String(form.get('id')), form.get('archived') === '1')
		);
		return r.ok ? { saved: form.get('id') } : r.failure;
	}
};

import { error } from '@sveltejs/kit';
import { createDistrict, listDistricts, setDistrictArchived, updateDistrict } from '$server/domain/databank/classification';
import { requireUser } from '$lib/server/auth-guard';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, { message: 'FORBIDDEN' });
	return { districts: await listDistricts(locals.context.database.db, user.organisationId, { includeArchived: true }) };
};

const numberOrNull = (v: unknown) => (v === '' || v === undefined ? null : v);

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData());
		const r = await formCall(values, () =>
			createDistrict(locals.context.database.db, user, { name: String(values.name ?? ''), number: numberOrNull(values.number) as never })
		);
		return r.ok ? { added: true } : r.failure;
	},
	rename: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData());
		const r = await formCall(values, () =>
			updateDistrict(locals.context.database.db, user, String(values.id), {
				name: String(values.name ?? ''),
				number: numberOrNull(values.number) as never
			})
		);
		return r.ok ? { saved: values.id } : r.failure;
	},
	archive: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const r = await formCall(undefined, () =>
			setDistrictArchived(locals.context.database.db, user, String(form.get('id')), form.get('archived') === '1')
		);
		return r.ok ? { saved: form.get('id') } : r.failure;
	}
};

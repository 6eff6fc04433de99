import { createDistrict, managedDistricts, setDistrictArchived, updateDistrict } from '$server/domain/databank/classification';
import { districtStaff, setDistrictStaff } from '$server/domain/intake/staff';
import { requireAdmin } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	return {
		districts: await domainCall(() => managedDistricts(locals.services.db, user)),
		staff: await domainCall(() => districtStaff(locals.services.db, user))
	};
};

const numberOrNull = (v: unknown) => (v === '' || v === undefined ? null : v);

// Validated by the domain's DistrictInput schema.
export const actions: Actions = {
	add: formAction(async (v, { db, user }) => {
		await createDistrict(db, user, { name: String(v.name ?? ''), number: numberOrNull(v.number) as never });
		return { added: true };
	}),
	rename: formAction(async (v, { db, user }) => {
		await updateDistrict(db, user, String(v.id), { name: String(v.name ?? ''), number: numberOrNull(v.number) as never });
		return { saved: v.id };
	}),
	archive: formAction(async (v, { db, user }) => {
		await setDistrictArchived(db, user, String(v.id), v.archived === '1');
		return { saved: v.id };
	}),
	/** Makes an account district staff (intake at the district centre), or no longer. */
	staff: formAction(async (v, { db, user }) => {
		await setDistrictStaff(db, user, { email: String(v.email ?? ''), districtId: String(v.districtId ?? '') });
		return { staffSaved: true };
	})
};

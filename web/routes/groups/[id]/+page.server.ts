import { groupDetail } from '$server/domain/groups';
import { changeSeat, removeSeat, type SeatInput } from '$server/domain/membership';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { group: await domainCall(() => groupDetail(locals.context.database.db, user, params.id)), isAdmin: user.isAdmin };
};

export const actions: Actions = {
	changeSeat: async ({ locals, url, request, params }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData());
		// Validated by the domain's SeatInput schema; rights come from access.ts.
		const r = await formCall(values, () => changeSeat(locals.context.database.db, user, params.id, values as SeatInput));
		return r.ok ? { saved: values.personId } : r.failure;
	},
	removeSeat: async ({ locals, url, request, params }) => {
		const user = requireUser(locals, url);
		const personId = String((await request.formData()).get('personId') ?? '');
		const r = await formCall({ personId }, () => removeSeat(locals.context.database.db, user, params.id, personId));
		return r.ok ? { removed: personId } : r.failure;
	}
};

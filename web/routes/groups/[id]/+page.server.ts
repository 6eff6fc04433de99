import { groupDetail } from '$server/domain/groups';
import { changeSeat, removeSeat, type SeatInput } from '$server/domain/membership';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { group: await domainCall(() => groupDetail(locals.services.db, user, params.id)), isAdmin: user.isAdmin };
};

export const actions: Actions = {
	// Validated by the domain's SeatInput schema; rights come from access.ts.
	changeSeat: formAction(async (values, { db, user, params }) => {
		await changeSeat(db, user, params.id, values as SeatInput);
		return { saved: values.personId };
	}),
	removeSeat: formAction(async (values, { db, user, params }) => {
		const personId = String(values.personId ?? '');
		await removeSeat(db, user, params.id, personId);
		return { removed: personId };
	})
};

import { redirect } from '@sveltejs/kit';
import { SIDES, type Side } from '$shared/sides';
import { groupDetail } from '$server/domain/groups';
import { candidatesForSide, seatMember, type SeatInput } from '$server/domain/membership';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

/** Finding members for a side from the databank: by default people whose roles fit the
 * side and whose fields meet the group's; with a name, anyone active who matches. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const group = await domainCall(() => groupDetail(db, user, params.id));
	const asked = url.searchParams.get('side');
	const side: Side = (SIDES as readonly string[]).includes(asked ?? '')
		? (asked as Side)
		: (SIDES.find((s) => group.sides[s].length === 0) ?? 'ENTREPRENEUR');
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const candidates = await domainCall(() => candidatesForSide(db, user, params.id, side, { q }));
	return { group: { id: group.id, name: group.name, fields: group.fields }, side, q, candidates, isAdmin: user.isAdmin };
};

export const actions: Actions = {
	seat: formAction(async (values, { db, user, params }) => {
		await seatMember(db, user, params.id, values as SeatInput);
		redirect(303, `/groups/${params.id}#side-${values.side}-card`);
	})
};

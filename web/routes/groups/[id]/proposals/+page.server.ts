import { proposalBoard, setProposalSettings } from '$server/domain/proposals/board';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { board: await domainCall(() => proposalBoard(locals.context.database.db, user, params.id)) };
};

export const actions: Actions = {
	settings: async ({ locals, url, request, params }) => {
		const user = requireUser(locals, url);
		const values = formObject(await request.formData(), { booleans: ['publishOutcomes'] });
		const r = await formCall(values, () => setProposalSettings(locals.context.database.db, user, params.id, values as never));
		if (!r.ok) return r.failure;
		return { saved: true };
	}
};

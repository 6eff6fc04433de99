import { proposalBoard, setProposalSettings } from '$server/domain/proposals/board';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { board: await domainCall(() => proposalBoard(locals.services.db, user, params.id)) };
};

export const actions: Actions = {
	settings: formAction({ booleans: ['publishOutcomes'] }, async (values, { db, user, params }) => {
		await setProposalSettings(db, user, params.id, values as never);
		return { saved: true };
	})
};

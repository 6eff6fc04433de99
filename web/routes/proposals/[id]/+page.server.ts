import { redirect } from '@sveltejs/kit';
import { proposalDetail } from '$server/domain/proposals/detail';
import { linkedActionItems } from '$server/domain/action-items/queries';
import { moveProposal } from '$server/domain/proposals/transitions';
import { reviewProposal } from '$server/domain/proposals/reviews';
import { startExecution } from '$server/domain/proposals/outcomes';
import type { ReviewInput, OutcomeStartInput, TransitionInput } from '$shared/proposals';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const [proposal, actionItems] = await domainCall(() =>
		Promise.all([proposalDetail(db, user, params.id), linkedActionItems(db, user, { proposalId: params.id })])
	);
	return { proposal, actionItems };
};

// Each form answers on its own: a failure names its action (`which`), so only that form shows it.
export const actions: Actions = {
	move: formAction(async (v, { db, user, params }) => {
		await moveProposal(db, user, params.id, v as TransitionInput);
		return { done: 'move' };
	}),
	review: formAction(async (v, { db, user, params }) => {
		await reviewProposal(db, user, params.id, v as ReviewInput);
		return { done: 'review' };
	}),
	start: formAction(async (v, { db, user, params }) => {
		const { outcomeId } = await startExecution(db, user, params.id, v as OutcomeStartInput);
		redirect(303, `/outcomes/${outcomeId}`);
	})
};

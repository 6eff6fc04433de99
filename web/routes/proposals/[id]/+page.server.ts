import { fail, redirect } from '@sveltejs/kit';
import { proposalDetail } from '$server/domain/proposals/detail';
import { linkedActionItems } from '$server/domain/action-items/queries';
import { moveProposal } from '$server/domain/proposals/transitions';
import { reviewProposal } from '$server/domain/proposals/reviews';
import { startExecution } from '$server/domain/proposals/outcomes';
import type { ReviewInput, OutcomeStartInput, TransitionInput } from '$shared/proposals';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.context.database.db;
	const [proposal, actionItems] = await domainCall(() =>
		Promise.all([proposalDetail(db, user, params.id), linkedActionItems(db, user, { proposalId: params.id })])
	);
	return { proposal, actionItems };
};

/** Runs one form's domain call; input errors come back to that form (`which`) with what was sent. */
async function act<T>(event: RequestEvent, which: string, run: (values: Record<string, unknown>) => Promise<T>) {
	requireUser(event.locals, event.url);
	const values = formObject(await event.request.formData());
	const r = await formCall(values, () => run(values));
	if (!r.ok) return { failure: fail(r.failure.status, { ...r.failure.data, which }) };
	return { value: r.value };
}

export const actions: Actions = {
	move: async (e) => {
		const r = await act(e, 'move', (v) => moveProposal(e.locals.context.database.db, e.locals.user!, e.params.id, v as TransitionInput));
		return r.failure ?? { done: 'move' };
	},
	review: async (e) => {
		const r = await act(e, 'review', (v) => reviewProposal(e.locals.context.database.db, e.locals.user!, e.params.id, v as ReviewInput));
		return r.failure ?? { done: 'review' };
	},
	start: async (e) => {
		const r = await act(e, 'start', (v) =>
			startExecution(e.locals.context.database.db, e.locals.user!, e.params.id, v as OutcomeStartInput)
		);
		if (r.failure) return r.failure;
		redirect(303, `/outcomes/${r.value!.outcomeId}`);
	}
};

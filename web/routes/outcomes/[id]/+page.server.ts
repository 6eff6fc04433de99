import { fail } from '@sveltejs/kit';
import { outcomeDetail } from '$server/domain/proposals/outcome-views';
import { linkedActionItems } from '$server/domain/action-items/queries';
import { addMilestone, addOutcomeUpdate, deliverOutcome, removeMilestone, setMilestoneProgress } from '$server/domain/proposals/outcomes';
import type { MilestoneInput, OutcomeUpdateInput } from '$shared/proposals';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formCall } from '$lib/server/form-call';
import { formObject } from '$lib/server/form-data';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.context.database.db;
	const [outcome, actionItems] = await domainCall(() =>
		Promise.all([outcomeDetail(db, user, params.id), linkedActionItems(db, user, { outcomeId: params.id })])
	);
	return { outcome, actionItems };
};

/** One form's domain call; input errors go back to that form (`which`) with what was sent. */
async function act(event: RequestEvent, which: string, run: (values: Record<string, unknown>) => Promise<unknown>) {
	requireUser(event.locals, event.url);
	const values = formObject(await event.request.formData());
	const r = await formCall(values, () => run(values));
	if (!r.ok) return fail(r.failure.status, { ...r.failure.data, which });
	return { done: which };
}

export const actions: Actions = {
	milestone: (e) =>
		act(e, 'milestone', (v) => addMilestone(e.locals.context.database.db, e.locals.user!, e.params.id, v as MilestoneInput)),
	progress: (e) =>
		act(e, 'progress', (v) =>
			setMilestoneProgress(e.locals.context.database.db, e.locals.user!, e.params.id, {
				milestoneId: String(v.milestoneId ?? ''),
				progress: v.progress
			})
		),
	remove: (e) =>
		act(e, 'remove', (v) => removeMilestone(e.locals.context.database.db, e.locals.user!, e.params.id, String(v.milestoneId ?? ''))),
	update: (e) =>
		act(e, 'update', (v) => addOutcomeUpdate(e.locals.context.database.db, e.locals.user!, e.params.id, v as OutcomeUpdateInput)),
	deliver: (e) =>
		act(e, 'deliver', (v) => deliverOutcome(e.locals.context.database.db, e.locals.user!, e.params.id, { reason: String(v.reason ?? '') }))
};

import { outcomeDetail } from '$server/domain/proposals/outcome-views';
import { linkedActionItems } from '$server/domain/action-items/queries';
import { addMilestone, addOutcomeUpdate, deliverOutcome, removeMilestone, setMilestoneProgress } from '$server/domain/proposals/outcomes';
import type { MilestoneInput, OutcomeUpdateInput } from '$shared/proposals';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const [outcome, actionItems] = await domainCall(() =>
		Promise.all([outcomeDetail(db, user, params.id), linkedActionItems(db, user, { outcomeId: params.id })])
	);
	return { outcome, actionItems };
};

// Each form answers on its own: a failure names its action (`which`), so only that form shows it.
export const actions: Actions = {
	milestone: formAction(async (v, { db, user, params }) => {
		await addMilestone(db, user, params.id, v as MilestoneInput);
		return { done: 'milestone' };
	}),
	progress: formAction(async (v, { db, user, params }) => {
		await setMilestoneProgress(db, user, params.id, { milestoneId: String(v.milestoneId ?? ''), progress: v.progress });
		return { done: 'progress' };
	}),
	remove: formAction(async (v, { db, user, params }) => {
		await removeMilestone(db, user, params.id, String(v.milestoneId ?? ''));
		return { done: 'remove' };
	}),
	update: formAction(async (v, { db, user, params }) => {
		await addOutcomeUpdate(db, user, params.id, v as OutcomeUpdateInput);
		return { done: 'update' };
	}),
	deliver: formAction(async (v, { db, user, params }) => {
		await deliverOutcome(db, user, params.id, { reason: String(v.reason ?? '') });
		return { done: 'deliver' };
	})
};

import { redirect } from '@sveltejs/kit';
import { proposalDetail } from '$server/domain/proposals/detail';
import { linkedActionItems } from '$server/domain/action-items/queries';
import { moveProposal } from '$server/domain/proposals/transitions';
import { reviewProposal } from '$server/domain/proposals/reviews';
import { startExecution } from '$server/domain/proposals/outcomes';
import { discussionView } from '$server/domain/discussion/view';
import { editComment, hideComment, postComment } from '$server/domain/discussion/comments';
import type { CommentEditInput, CommentHideInput, CommentInput } from '$shared/discussion';
import type { ReviewInput, OutcomeStartInput, TransitionInput } from '$shared/proposals';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const [proposal, actionItems, discussion] = await domainCall(() =>
		Promise.all([
			proposalDetail(db, user, params.id),
			linkedActionItems(db, user, { proposalId: params.id }),
			discussionView(db, user, params.id)
		])
	);
	return { proposal, actionItems, discussion };
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
	}),
	// The discussion: whoever follows it live hears of each change (the domain parses).
	comment: formAction(async (v, { db, user, params, services }) => {
		const change = await postComment(db, user, params.id, v as CommentInput);
		await services.live.publish(change);
		return { commented: change.commentId };
	}),
	editComment: formAction(async (v, { db, user, params, services }) => {
		await services.live.publish(await editComment(db, user, params.id, v as CommentEditInput));
		return { commented: String(v.commentId) };
	}),
	hideComment: formAction(async (v, { db, user, params, services }) => {
		await services.live.publish(await hideComment(db, user, params.id, v as CommentHideInput));
		return { commented: String(v.commentId) };
	})
};

// The meeting's votes as a page of its own: what the voting panel shows, server-rendered, with
// form actions — so voting works without JavaScript — and the same live client with it.
import { redirect } from '@sveltejs/kit';
import { meetingAccess } from '$server/domain/meetings/meeting-access';
import { decideByConsensus } from '$server/domain/proposals/decisions';
import { castBallot, closeVote, openVote, watchVotes } from '$server/domain/proposals/voting';
import type { VotesChanged } from '$server/domain/changes';
import type { Services } from '$server/http/services';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { formTexts } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const { groupId } = await domainCall(() => meetingAccess(db, user, params.id));
	return { ...(await domainCall(() => watchVotes(db, user, params.id))), groupId };
};

/** After a committed change: the live rooms hear what the domain reports, and the page is
 * read afresh. (A refusal is the one form failure, form-action.ts, which the voting view shows.) */
async function changed(services: Services, change: VotesChanged): Promise<never> {
	await services.live.publish(change);
	redirect(303, `/meetings/${change.meetingId}/votes`);
}

export const actions: Actions = {
	open: formAction({ read: formTexts(['proposalId']) }, async (v, { db, user, services, params }) => {
		return changed(services, await openVote(db, user, { meetingId: params.id, proposalId: String(v.proposalId) }));
	}),
	cast: formAction({ read: formTexts(['voteId', 'choice']) }, async (v, { db, user, services, params }) => {
		return changed(services, await castBallot(db, user, { meetingId: params.id, voteId: String(v.voteId), choice: v.choice as never }));
	}),
	close: formAction({ read: formTexts(['voteId']) }, async (v, { db, user, services, params }) => {
		return changed(services, await closeVote(db, user, { meetingId: params.id, voteId: String(v.voteId) }));
	}),
	consensus: formAction({ read: formTexts(['proposalId', 'outcome', 'text']) }, async (v, { db, user, services, params }) => {
		const decided = await decideByConsensus(db, user, {
			meetingId: params.id,
			proposalId: String(v.proposalId),
			outcome: v.outcome as never,
			text: String(v.text)
		});
		return changed(services, decided);
	})
};

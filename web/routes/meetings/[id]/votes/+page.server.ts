// The meeting's votes as a page of its own: what the voting panel shows, server-rendered, with
// form actions — so voting works without JavaScript — and the same live client with it.
import { fail, redirect } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';
import { meetingAccess } from '$server/domain/meetings/meeting-access';
import { decideByConsensus } from '$server/domain/proposals/decisions';
import { castBallot, closeVote, openVote, watchVotes } from '$server/domain/proposals/voting';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.context.database.db;
	const { groupId } = await domainCall(() => meetingAccess(db, user, params.id));
	return { ...(await domainCall(() => watchVotes(db, user, params.id))), groupId };
};

/** Runs one change; a refusal comes back to the page as its reason, a success to the page afresh. */
async function change(event: RequestEvent, run: (form: FormData) => Promise<unknown>) {
	requireUser(event.locals, event.url);
	try {
		await run(await event.request.formData());
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		return fail(httpStatus(e.code), { error: e.fields?.form ?? e.code });
	}
	await event.locals.context.live.votesChanged(event.params.id);
	redirect(303, `/meetings/${event.params.id}/votes`);
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	open: (e) =>
		change(e, (f) =>
			openVote(e.locals.context.database.db, e.locals.user!, { meetingId: e.params.id, proposalId: field(f, 'proposalId') })
		),
	cast: (e) =>
		change(e, (f) =>
			castBallot(e.locals.context.database.db, e.locals.user!, {
				meetingId: e.params.id,
				voteId: field(f, 'voteId'),
				choice: field(f, 'choice') as never
			})
		),
	close: (e) =>
		change(e, (f) => closeVote(e.locals.context.database.db, e.locals.user!, { meetingId: e.params.id, voteId: field(f, 'voteId') })),
	consensus: (e) =>
		change(e, (f) =>
			decideByConsensus(e.locals.context.database.db, e.locals.user!, {
				meetingId: e.params.id,
				proposalId: field(f, 'proposalId'),
				outcome: field(f, 'outcome') as never,
				text: field(f, 'text')
			})
		)
};

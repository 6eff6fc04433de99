import { checkIn } from '$server/domain/meetings/attendance';
import { closeMeetingAndFreezeAgenda, startMeeting } from '$server/domain/meetings/lifecycle';
import { joinMeeting } from '$server/domain/meetings/state';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { attempt } from '$lib/server/form-attempt';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The page renders the whole state on the server, so it reads well before (or without)
// JavaScript; the live client then takes over through Socket.IO.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const joined = await domainCall(() => joinMeeting(locals.context.database.db, user, params.id));
	return { ...joined, me: { userId: user.userId, name: user.name } };
};

/** The changes a plain form can make; everyone in the room hears about them too. */
async function change(
	event: RequestEvent,
	run: (meetingId: string, form: FormData) => Promise<unknown>,
	/** Starting and closing also decide whether votes may be held. */
	options: { votes?: boolean } = {}
) {
	requireUser(event.locals, event.url);
	const failed = await attempt(async () => run(event.params.id, await event.request.formData()));
	if (!failed) await event.locals.context.live.meetingChanged(event.params.id, options);
	return failed;
}

export const actions: Actions = {
	start: (e) => change(e, (meetingId) => startMeeting(e.locals.context.database.db, e.locals.user!, { meetingId }), { votes: true }),
	close: (e) =>
		change(
			e,
			(meetingId) => closeMeetingAndFreezeAgenda(e.locals.context.database.db, e.locals.context.documents, e.locals.user!, { meetingId }),
			{ votes: true }
		),
	checkin: (e) =>
		change(e, (meetingId, form) =>
			checkIn(e.locals.context.database.db, e.locals.user!, { meetingId, present: form.get('present') !== 'false' })
		)
};

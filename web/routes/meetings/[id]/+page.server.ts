import { checkIn } from '$server/domain/meetings/attendance';
import { closeMeetingAndFreezeAgenda, startMeeting } from '$server/domain/meetings/lifecycle';
import { joinMeeting } from '$server/domain/meetings/state';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { formTexts } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

// The page renders the whole state on the server, so it reads well before (or without)
// JavaScript; the live client then takes over through Socket.IO.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const joined = await domainCall(() => joinMeeting(locals.services.db, user, params.id));
	return { ...joined, me: { userId: user.userId, name: user.name } };
};

// The changes a plain form can make; once committed, everyone in the room hears about them
// (starting and closing also decide whether votes may be held). A refusal is the one form
// failure (form-action.ts), shown above the room.
export const actions: Actions = {
	start: formAction(async (_, { db, user, services, params }) => {
		await startMeeting(db, user, { meetingId: params.id });
		await services.live.meetingChanged(params.id, { votes: true });
	}),
	close: formAction(async (_, { db, user, services, params }) => {
		await closeMeetingAndFreezeAgenda(db, services.documents, user, { meetingId: params.id });
		await services.live.meetingChanged(params.id, { votes: true });
	}),
	checkin: formAction({ read: formTexts(['present']) }, async (v, { db, user, services, params }) => {
		await checkIn(db, user, { meetingId: params.id, present: v.present !== 'false' });
		await services.live.meetingChanged(params.id);
	})
};

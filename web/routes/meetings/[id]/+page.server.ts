import { checkIn } from '$server/domain/meetings/attendance';
import { closeMeetingAndFreezeAgenda, startMeeting } from '$server/domain/meetings/lifecycle';
import { joinMeeting } from '$server/domain/meetings/state';
import { meetingShift } from '$server/domain/meetings/listing';
import { sendAgendaMail } from '$server/domain/mail/agenda-mail';
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
	// Why the meeting is not on its usual day (a day off of the organisation), if so.
	const shift = await meetingShift(locals.services.db, params.id);
	return { ...joined, shift, me: { userId: user.userId, name: user.name } };
};

// The changes a plain form can make; each change the domain reports goes to the live rooms,
// so everyone in the room hears about it. A refusal is the one form
// failure (form-action.ts), shown above the room.
export const actions: Actions = {
	start: formAction(async (_, { db, user, services, params }) => {
		await services.live.publish(await startMeeting(db, user, { meetingId: params.id }));
	}),
	close: formAction(async (_, { db, user, services, params }) => {
		await services.live.publish(await closeMeetingAndFreezeAgenda(db, services.documents, user, { meetingId: params.id }));
	}),
	// The agenda's items, as they stand, to every member who wants agenda mail.
	sendAgenda: formAction(async (_, { user, services, params }) => ({
		agendaSent: await sendAgendaMail(services.database, user, params.id)
	})),
	checkin: formAction({ read: formTexts(['present']) }, async (v, { db, user, services, params }) => {
		await services.live.publish(await checkIn(db, user, { meetingId: params.id, present: v.present !== 'false' }));
	})
};

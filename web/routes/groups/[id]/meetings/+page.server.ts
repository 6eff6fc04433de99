import { groupMeetings } from '$server/domain/meetings/listing';
import { agendaTemplate, saveAgendaTemplate } from '$server/domain/meetings/agenda-template';
import { resetCalendarToken, saveSeries, SeriesInput } from '$server/domain/meetings/series';
import { cancelOccurrence, moveOccurrence, restoreOccurrence } from '$server/domain/meetings/occurrences';
import { formatLocal } from '$server/domain/meetings/zoned-time';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { formTexts } from '$lib/server/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const data = await domainCall(() => groupMeetings(locals.services.db, user, params.id));
	const template = await domainCall(() => agendaTemplate(locals.services.db, user, params.id));
	const token = data.series?.calendarToken;
	return {
		...data,
		template,
		// Local date and time in each meeting's zone, to prefill the move form.
		upcoming: data.upcoming.map((m) => ({ ...m, local: formatLocal(m.startsAt, m.timeZone) })),
		feedUrl: token ? `${url.origin}/groups/${params.id}/calendar.ics?token=${encodeURIComponent(token)}` : null
	};
};

const SERIES_FIELDS = ['date', 'time', 'timeZone', 'cadenceDays', 'durationMinutes', 'place', 'link'];
// The weekly rhythm's fields, read only when sent (a client without them keeps "every N days").
const RHYTHM_FIELDS = ['rhythm', 'weeks', 'weekday'];
const readSeries = (form: FormData) => ({
	...formTexts(SERIES_FIELDS)(form),
	...Object.fromEntries(RHYTHM_FIELDS.filter((n) => typeof form.get(n) === 'string').map((n) => [n, String(form.get(n))]))
});

export const actions: Actions = {
	series: formAction({ read: readSeries, schema: SeriesInput }, async (input, { db, user, params }) => {
		await saveSeries(db, user, params.id, input);
		return { saved: true };
	}),
	move: formAction({ read: formTexts(['meetingId', 'date', 'time']) }, async (v, { db, user, services }) => {
		const meetingId = String(v.meetingId);
		await services.live.publish(await moveOccurrence(db, user, meetingId, { date: String(v.date), time: String(v.time) }));
		return { moved: meetingId };
	}),
	cancel: formAction({ read: formTexts(['meetingId']) }, async (v, { db, user, services }) => {
		await services.live.publish(await cancelOccurrence(db, user, String(v.meetingId)));
	}),
	restore: formAction({ read: formTexts(['meetingId']) }, async (v, { db, user, services }) => {
		await services.live.publish(await restoreOccurrence(db, user, String(v.meetingId)));
	}),
	template: formAction({ arrays: ['title', 'minutes'] }, async (input, { db, user, params, services }) => {
		const { started } = await saveAgendaTemplate(db, services.documents, user, params.id, input);
		return { templateSaved: { started } };
	}),
	feed: formAction(async (_, { db, user, params }) => {
		await resetCalendarToken(db, user, params.id);
	})
};

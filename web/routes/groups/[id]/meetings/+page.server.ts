import { fail } from '@sveltejs/kit';
import { groupMeetings } from '$server/domain/meetings/listing';
import { resetCalendarToken, saveSeries, SeriesInput } from '$server/domain/meetings/series';
import { cancelOccurrence, moveOccurrence, restoreOccurrence } from '$server/domain/meetings/occurrences';
import { broadcastMeetingState } from '$server/realtime/meeting-room';
import { formatLocal } from '$server/domain/meetings/zoned-time';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { attempt } from '$lib/server/form-attempt';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const data = await domainCall(() => groupMeetings(locals.context.database.db, user, params.id));
	const token = data.series?.calendarToken;
	return {
		...data,
		// Local date and time in each meeting's zone, to prefill the move form.
		upcoming: data.upcoming.map((m) => ({ ...m, local: formatLocal(m.startsAt, m.timeZone) })),
		feedUrl: token ? `${url.origin}/groups/${params.id}/calendar.ics?token=${encodeURIComponent(token)}` : null
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	series: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const values = {
			date: text(form, 'date'),
			time: text(form, 'time'),
			timeZone: text(form, 'timeZone'),
			cadenceDays: text(form, 'cadenceDays'),
			durationMinutes: text(form, 'durationMinutes'),
			place: text(form, 'place'),
			link: text(form, 'link')
		};
		const parsed = SeriesInput.safeParse(values);
		if (!parsed.success) {
			const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'date'), true]));
			return fail(400, { series: { values, fields } });
		}
		return (await attempt(() => saveSeries(locals.context.database.db, user, params.id, parsed.data))) ?? { saved: true };
	},
	move: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const meetingId = text(form, 'meetingId');
		const db = locals.context.database.db;
		const failed = await attempt(() => moveOccurrence(db, user, meetingId, { date: text(form, 'date'), time: text(form, 'time') }));
		if (!failed) await broadcastMeetingState(locals.context.io, db, meetingId);
		return failed ?? { moved: meetingId };
	},
	cancel: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const meetingId = text(await request.formData(), 'meetingId');
		const db = locals.context.database.db;
		const failed = await attempt(() => cancelOccurrence(db, user, meetingId));
		if (!failed) await broadcastMeetingState(locals.context.io, db, meetingId);
		return failed;
	},
	restore: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const meetingId = text(await request.formData(), 'meetingId');
		const db = locals.context.database.db;
		const failed = await attempt(() => restoreOccurrence(db, user, meetingId));
		if (!failed) await broadcastMeetingState(locals.context.io, db, meetingId);
		return failed;
	},
	feed: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		return attempt(() => resetCalendarToken(locals.context.database.db, user, params.id));
	}
};

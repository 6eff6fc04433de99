import { addHoliday, removeHoliday, saveWorkingWeek, workCalendarView } from '$server/domain/work-calendar';
import { requireAdmin } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	return { calendar: await domainCall(() => workCalendarView(locals.services.db, user)) };
};

// Validated by the domain's WorkingWeekInput and HolidayInput schemas; each answers how many
// upcoming meetings moved.
export const actions: Actions = {
	week: formAction({ arrays: ['days'] }, async (v, { db, user }) => ({
		moved: (await saveWorkingWeek(db, user, { days: v.days })).length
	})),
	add: formAction(async (v, { db, user }) => ({ moved: (await addHoliday(db, user, { date: v.date, name: v.name })).length })),
	remove: formAction(async (v, { db, user }) => ({ moved: (await removeHoliday(db, user, String(v.id ?? ''))).length }))
};

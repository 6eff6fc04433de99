import { redirect } from '@sveltejs/kit';
import { recordAttendance, sessionRegister } from '$server/domain/courses/enrolment';
import { courseDetail } from '$server/domain/courses/courses';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const register = await domainCall(() => sessionRegister(db, user, params.id, params.sessionId));
	const course = await domainCall(() => courseDetail(db, user, params.id));
	return { register, course: { id: course.id, title: course.title } };
};

export const actions: Actions = {
	// Validated by the domain (AttendanceInput): the ticked enrolments, all others absent.
	save: formAction({ arrays: ['present'] }, async (v, { db, user, params }) => {
		await recordAttendance(db, user, params.id, params.sessionId, { present: v.present as string[] });
		redirect(303, `/courses/${params.id}`);
	})
};

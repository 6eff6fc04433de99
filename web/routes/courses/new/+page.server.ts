import { redirect } from '@sveltejs/kit';
import { createCourse } from '$server/domain/courses/courses';
import { requireAdmin } from '$lib/server/auth-guard';
import { formAction } from '$lib/server/form-action';
import { CourseInput } from '$shared/courses';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals, url);
	return {};
};

export const actions: Actions = {
	default: formAction({ schema: CourseInput }, async (input, { db, user }) => {
		const { id } = await createCourse(db, user, input);
		redirect(303, `/courses/${id}`);
	})
};

import { coursesPage } from '$server/domain/courses/courses';
import { requireUser } from '$lib/server/auth-guard';
import type { PageServerLoad } from './$types';

/** The courses one runs (every one for an administrator) and one's own, with certificates. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return coursesPage(locals.services.db, user);
};

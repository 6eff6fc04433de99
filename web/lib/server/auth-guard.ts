import { redirect } from '@sveltejs/kit';

/** The signed-in user, or a redirect to the sign-in page that comes back afterwards. */
export function requireUser(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

import { error, redirect } from '@sveltejs/kit';
import { mayAdminister } from '$server/domain/access';

/** The signed-in user, or a redirect to the sign-in page that comes back afterwards. */
export function requireUser(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** The signed-in administrator, for the organisation's administration (its lists, new groups,
 * new people, imports): anyone else gets 403, by the domain's rule (mayAdminister). The
 * domain functions behind those pages check the same right themselves. */
export function requireAdmin(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!mayAdminister(user)) error(403, { message: 'FORBIDDEN' });
	return user;
}

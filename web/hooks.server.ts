import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { sessionUser } from '$server/auth/auth';
import { appContext } from '$server/http/context';

/** Puts the server's services and the signed-in user (or null) on locals. */
const session: Handle = async ({ event, resolve }) => {
	event.locals.context = appContext();
	event.locals.user = await sessionUser(event.locals.context.auth, event.request.headers);
	return resolve(event);
};

/** Picks the language (cookie, then the browser's preference) and sets lang and dir. */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale))
		});
	});

export const handle = sequence(session, i18n);

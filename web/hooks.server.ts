import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getLocale, getTextDirection } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { sessionUser } from '$server/auth/auth';
import { appContext } from '$server/http/context';
import { servicesOf } from '$server/http/services';
import { malformedFormsAreBadRequests } from '$lib/server/form-data';
import { currentLogScope } from '$server/observability/log-scope';
import { logger } from '$server/observability/logger';

/** Puts the server's services and the signed-in user (or null) on locals. When the
 * database cannot be reached, answers 503 with a plain explanation instead of a crash. */
const session: Handle = async ({ event, resolve }) => {
	const services = (event.locals.services = servicesOf(appContext()));
	try {
		event.locals.user = await sessionUser(services.auth, event.request.headers);
	} catch (error) {
		if (await services.database.ping()) throw error;
		return unavailable();
	}
	return resolve(event);
};

function unavailable(): Response {
	const body = `<!doctype html><html lang="${getLocale()}" dir="${getTextDirection()}"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>${m.unavailable_title()}</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:10vh auto;padding:1rem"><h1>${m.unavailable_title()}</h1><p>${m.unavailable_body()}</p></body></html>`;
	return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5' } });
}

/** Picks the language (cookie, then the browser's preference) and sets lang and dir. */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale))
		});
	});

/** Names the request's route (its pattern, not its path) for the request log and metrics. */
const routeName: Handle = ({ event, resolve }) => {
	const scope = currentLogScope();
	if (scope) scope.route = event.route.id ?? '(unmatched)';
	return resolve(event);
};

// i18n first, so messages in the session step (the 503 page) speak the user's language.
export const handle = sequence(routeName, i18n, malformedFormsAreBadRequests, session);

/** An unexpected error in a page or action: one log line with the request's id. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) logger().error({ err: error, route: event.route.id, status }, 'page failed');
};

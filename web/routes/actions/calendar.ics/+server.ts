// The owner's due days as a calendar: for the signed-in user, or for a calendar app that
// holds the feed's secret link (`?token=…`), since calendar apps send no session cookie.
import { error } from '@sveltejs/kit';
import { ownerCalendar } from '$server/domain/action-items/feed';
import { domainCall } from '$lib/server/domain-call';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const token = url.searchParams.get('token');
	if (!token && !locals.user) error(401, { message: 'UNAUTHENTICATED' });
	const who = token ? { token } : { actor: locals.user! };
	const ics = await domainCall(() => ownerCalendar(locals.services.db, who, url.origin));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="rahkar-actions.ics"',
			// The link is a secret; keep shared caches and referrers out of it.
			'cache-control': 'private, no-cache',
			'referrer-policy': 'no-referrer'
		}
	});
};

// The group's subscribable calendar: for a signed-in reader, or for a calendar app that
// holds the feed's secret link (`?token=…`), since calendar apps send no session cookie.
import { error } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';
import { authoriseFeed, groupCalendar } from '$server/domain/meetings/calendar';
import { shiftNote } from '$lib/meeting/shift';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const db = locals.services.db;
	try {
		await authoriseFeed(db, params.id, locals.user, url.searchParams.get('token'));
	} catch (e) {
		if (e instanceof DomainError) error(httpStatus(e.code), { message: e.code });
		throw e;
	}
	// A meeting moved off a day off says why, in the feed's language.
	return new Response(await groupCalendar(db, params.id, url.origin, undefined, shiftNote), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="rahkar.ics"',
			// The link is a secret; keep shared caches out of it.
			'cache-control': 'private, no-cache',
			'referrer-policy': 'no-referrer'
		}
	});
};

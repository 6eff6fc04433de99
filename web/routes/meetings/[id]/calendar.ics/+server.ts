// One meeting as a calendar file to download, for anyone who may read its group.
import { error } from '@sveltejs/kit';
import { meetingCalendar } from '$server/domain/meetings/calendar';
import { domainCall } from '$lib/server/domain-call';
import { shiftNote } from '$lib/meeting/shift';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) error(401, { message: 'UNAUTHENTICATED' });
	const user = locals.user;
	const ics = await domainCall(() => meetingCalendar(locals.services.db, user, params.id, url.origin, shiftNote));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="meeting-${params.id}.ics"`,
			'cache-control': 'private, no-cache'
		}
	});
};

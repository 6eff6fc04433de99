import { meetingMinutes } from '$server/domain/minutes/minutes';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { minutesMarkdown } from '$lib/minutes/markdown';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const mins = await domainCall(() =>
		meetingMinutes(locals.services.database, user, params.id, Number(url.searchParams.get('version')) || undefined)
	);
	const body = minutesMarkdown(mins.record, mins);
	return new Response(body, {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="minutes-${mins.record.meeting.startsAt.slice(0, 10)}-v${mins.version}.md"`
		}
	});
};

import { json } from '@sveltejs/kit';
import { meetingMinutes } from '$server/domain/minutes/minutes';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const mins = await domainCall(() =>
		meetingMinutes(locals.services.database, user, params.id, Number(url.searchParams.get('version')) || undefined)
	);
	const { record, version, status, contentHash, archivedAt, amendmentReason, approvedAt } = mins;
	return json(
		{ version, status, contentHash, archivedAt, amendmentReason, approvedAt, record },
		{ headers: { 'content-disposition': `attachment; filename="minutes-${record.meeting.startsAt.slice(0, 10)}-v${version}.json"` } }
	);
};

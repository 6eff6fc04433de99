import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { wholeArchive } from '$lib/server/minutes-archive';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const all = await domainCall(() => wholeArchive(locals, user, params.id));
	const minutes = all.map(({ record, version, status, contentHash, archivedAt, amendmentReason, approvedAt }) => ({
		version,
		status,
		contentHash,
		archivedAt,
		amendmentReason,
		approvedAt,
		record
	}));
	return json(
		{ groupId: params.id, exportedAt: new Date().toISOString(), minutes },
		{ headers: { 'content-disposition': `attachment; filename="minutes-archive.json"` } }
	);
};

import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { wholeArchive } from '$lib/server/minutes-archive';
import { minutesMarkdown } from '$lib/minutes/markdown';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const all = await domainCall(() => wholeArchive(locals, user, params.id));
	const body = all.map((mins) => minutesMarkdown(mins.record, mins)).join('\n---\n\n');
	return new Response(body, {
		headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': 'attachment; filename="minutes-archive.md"' }
	});
};

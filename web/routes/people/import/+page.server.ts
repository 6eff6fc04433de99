import { fail } from '@sveltejs/kit';
import { requireAdmin, requireUser } from '$lib/server/auth-guard';
import { readUpload, runImport } from '$lib/server/people-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
};

async function run(locals: App.Locals, url: URL, request: Request, dryRun: boolean) {
	requireUser(locals, url);
	const { status, data } = await runImport(locals, url, await readUpload(request), dryRun);
	return status === 200 ? data : fail(status, data);
}

export const actions: Actions = {
	check: ({ locals, url, request }) => run(locals, url, request, true),
	import: ({ locals, url, request }) => run(locals, url, request, false)
};

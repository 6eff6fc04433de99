import { error, fail } from '@sveltejs/kit';
import { importPeople } from '$server/domain/people-csv';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, { message: 'FORBIDDEN' });
};

async function run(locals: App.Locals, url: URL, request: Request, dryRun: boolean) {
	const user = requireUser(locals, url);
	const file = (await request.formData()).get('file');
	const noErrors: Record<string, string> = {};
	if (!(file instanceof File) || file.size === 0) return fail(400, { errors: { file: 'no_file' } as Record<string, string>, report: null });
	const csv = await file.text();
	const report = await domainCall(() => importPeople(locals.context.database.db, user, csv, { dryRun }));
	// A file with errors is a failed submission even on the import button: nothing was written.
	return report.errorCount
		? fail(400, { report, fileName: file.name, errors: noErrors })
		: { report, fileName: file.name, errors: noErrors };
}

export const actions: Actions = {
	check: ({ locals, url, request }) => run(locals, url, request, true),
	import: ({ locals, url, request }) => run(locals, url, request, false)
};

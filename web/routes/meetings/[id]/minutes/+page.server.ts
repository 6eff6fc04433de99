import { fail } from '@sveltejs/kit';
import {
	amendMinutes,
	approveMinutes,
	archiveMinutes,
	correctDraft,
	meetingMinutes,
	type DraftCorrection
} from '$server/domain/minutes/minutes';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { attempt } from '$lib/server/form-attempt';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const version = Number(url.searchParams.get('version')) || undefined;
	return { minutes: await domainCall(() => meetingMinutes(locals.services.database, user, params.id, version)) };
};

/** The correction form: remarks, and a title and notes field per agenda item. */
function correction(form: FormData): DraftCorrection {
	const ids = form.getAll('itemId').map(String);
	return {
		remarks: String(form.get('remarks') ?? ''),
		agenda: ids.map((id) => ({ id, title: String(form.get(`title:${id}`) ?? ''), notes: String(form.get(`notes:${id}`) ?? '') }))
	};
}

/** Runs one action on the minutes named by the form; `done` tells the page which one worked. */
async function withMinutes(event: RequestEvent, done: string, run: (minutesId: string, form: FormData) => Promise<unknown>) {
	requireUser(event.locals, event.url);
	const form = await event.request.formData();
	const minutesId = String(form.get('minutesId') ?? '');
	if (!minutesId) return fail(400, { error: 'INVALID' });
	return (await attempt(() => run(minutesId, form))) ?? { done };
}

export const actions: Actions = {
	correct: (e) => withMinutes(e, 'correct', (id, form) => correctDraft(e.locals.services.database, e.locals.user!, id, correction(form))),
	archive: (e) =>
		withMinutes(e, 'archive', (id) => archiveMinutes(e.locals.services.database, e.locals.services.documents, e.locals.user!, id)),
	amend: (e) =>
		withMinutes(e, 'amend', (id, form) =>
			amendMinutes(e.locals.services.database, e.locals.services.documents, e.locals.user!, id, {
				reason: String(form.get('reason') ?? ''),
				change: correction(form)
			})
		),
	approve: (e) => withMinutes(e, 'approve', (id) => approveMinutes(e.locals.services.database, e.locals.user!, id)),
	approveGroup: (e) =>
		withMinutes(e, 'approveGroup', (id) => approveMinutes(e.locals.services.database, e.locals.user!, id, { asGroup: true }))
};

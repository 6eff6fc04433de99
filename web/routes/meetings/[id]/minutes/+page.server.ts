import {
	amendMinutes,
	approveMinutes,
	archiveMinutes,
	correctDraft,
	meetingMinutes,
	type DraftCorrection
} from '$server/domain/minutes/minutes';
import { DomainError } from '$server/domain/errors';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction, type FormContext } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

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

/** One action on the minutes the form names; `done` tells the page which one worked. A
 * refusal is the one form failure (form-action.ts), which the status card shows. */
const onMinutes = (done: string, run: (minutesId: string, ctx: FormContext) => Promise<unknown>) =>
	formAction(async (_, ctx) => {
		const minutesId = String(ctx.form.get('minutesId') ?? '');
		if (!minutesId) throw new DomainError('INVALID', 'no minutes named');
		await run(minutesId, ctx);
		return { done };
	});

export const actions: Actions = {
	correct: onMinutes('correct', (id, { services, user, form }) => correctDraft(services.database, user, id, correction(form))),
	archive: onMinutes('archive', (id, { services, user }) => archiveMinutes(services.database, services.documents, user, id)),
	amend: onMinutes('amend', (id, { services, user, form }) =>
		amendMinutes(services.database, services.documents, user, id, {
			reason: String(form.get('reason') ?? ''),
			change: correction(form)
		})
	),
	approve: onMinutes('approve', (id, { services, user }) => approveMinutes(services.database, user, id)),
	approveGroup: onMinutes('approveGroup', (id, { services, user }) => approveMinutes(services.database, user, id, { asGroup: true }))
};

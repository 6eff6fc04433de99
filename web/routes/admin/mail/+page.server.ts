import { failedMails, retryFailedMail } from '$server/domain/mail/outbox';
import { requireAdmin } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAdmin(locals, url);
	return { failed: await domainCall(() => failedMails(locals.services.db, user)) };
};

export const actions: Actions = {
	retry: formAction(async (v, { db, user }) => {
		await retryFailedMail(db, user, String(v.id ?? ''));
		return { retried: String(v.id) };
	})
};

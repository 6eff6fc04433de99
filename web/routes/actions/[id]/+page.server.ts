import { actionItemDetail } from '$server/domain/action-items/queries';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { editAction, reportAction } from '$lib/server/action-item-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return domainCall(() => actionItemDetail(locals.services.db, user, params.id));
};

export const actions: Actions = {
	update: reportAction,
	edit: editAction
};

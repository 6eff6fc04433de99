import { groupActionItems } from '$server/domain/action-items/queries';
import { DomainError } from '$server/domain/errors';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { queryObject } from '$lib/server/form-data';
import { createAction, reportAction } from '$lib/server/action-item-forms';
import { addDays, todayIn } from '$shared/action-items';
import type { Actions, PageServerLoad } from './$types';

const FILTERS = ['owner', 'side', 'status', 'due', 'from', 'to'];

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const query = Object.fromEntries(Object.entries(queryObject(url.searchParams, [])).filter(([k]) => FILTERS.includes(k)));
	// A hand-edited query with a bad value shows the whole list rather than an error page.
	const list = await domainCall(() =>
		groupActionItems(db, user, params.id, query).catch((e: unknown) => {
			if (e instanceof DomainError && e.code === 'INVALID') return groupActionItems(db, user, params.id, {});
			throw e;
		})
	);
	return {
		...list,
		query: url.searchParams.toString(),
		// "Later from a proposal or outcome": their pages link here with the id to attach.
		from: { proposalId: url.searchParams.get('proposalId'), outcomeId: url.searchParams.get('outcomeId') },
		suggestedDue: addDays(todayIn(list.timeZone), 14)
	};
};

export const actions: Actions = {
	create: createAction,
	update: reportAction
};

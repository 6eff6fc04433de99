// Form actions for action items, shared by the pages that show an item (My actions, the
// item page, the group list): parse the post, call the domain, tell everyone concerned
// (the live rooms, through the services on locals), then go back to `next` or answer the form. Refusals come back
// in the one FormFailure shape (form-action.ts), with `which` naming the form.
import { redirect } from '@sveltejs/kit';
import type { ActionItemChange } from '$server/domain/action-items/change';
import type { Services } from '$server/http/services';
import { changeStatus } from '$server/domain/action-items/status';
import { createActionItem } from '$server/domain/action-items/create';
import { editActionItem } from '$server/domain/action-items/edit';
import { formAction } from '$lib/server/form-action';
import { formTexts } from '$lib/server/form-data';
import { safeNext } from '$lib/server/safe-next';

/** Where to go back to, when the form says (only a same-origin path: see safeNext). */
const nextOf = (form: FormData): string | null => {
	const next = form.get('next');
	return typeof next === 'string' && next ? safeNext(next) : null;
};

async function published(services: Services, done: ActionItemChange) {
	// Committed: the live rooms hear (a failed broadcast is logged, never an error page).
	await services.live.publish(done);
	return done;
}

/** An owner, moderator or administrator reports: a status (BLOCKED with a reason) and a note. */
export const reportAction = formAction(
	{ read: formTexts(['itemId', 'status', 'reason', 'note']) },
	async (v, { db, user, services, form }) => {
		const values = v as Record<string, string>;
		await published(services, await changeStatus(db, user, values));
		const next = nextOf(form);
		if (next) redirect(303, next);
		return { update: { itemId: values.itemId, saved: true as const } };
	}
);

const CREATE_FIELDS = ['title', 'ownerPersonId', 'side', 'dueDate', 'meetingId', 'agendaItemId', 'decisionId', 'proposalId', 'outcomeId'];

/** A moderator adds an item to the route's group (from its list, or from a live meeting with `next`). */
export const createAction = formAction({ read: formTexts(CREATE_FIELDS) }, async (v, { db, user, services, form, params }) => {
	const done = await published(services, await createActionItem(db, user, { groupId: params.id, ...(v as Record<string, string>) }));
	const next = nextOf(form);
	if (next) redirect(303, next);
	return { create: { created: done.itemId } };
});

/** A moderator corrects the route's item: its title, owner, side or due day. */
export const editAction = formAction(
	{ read: formTexts(['title', 'ownerPersonId', 'side', 'dueDate']) },
	async (v, { db, user, services, params }) => {
		await published(services, await editActionItem(db, user, { itemId: params.id, ...(v as Record<string, string>) }));
		return { edit: { saved: true as const } };
	}
);

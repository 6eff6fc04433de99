// Form actions for action items, shared by the pages that show an item (My actions, the
// item page, the group list): parse the post, call the domain, tell everyone concerned
// (publishActionItemChange), then go back to `next` or answer the form.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';
import type { ActionItemChange } from '$server/domain/action-items/change';
import { changeStatus } from '$server/domain/action-items/status';
import { createActionItem } from '$server/domain/action-items/create';
import { editActionItem } from '$server/domain/action-items/edit';
import { publishActionItemChange } from '$server/realtime/action-items';
import { requireUser } from '$lib/server/auth-guard';
import { safeNext } from '$lib/server/safe-next';

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/** Where to go back to, when the form says (only a same-origin path: see safeNext). */
const nextOf = (form: FormData): string | null => {
	const next = text(form, 'next');
	return next ? safeNext(next) : null;
};

async function run(event: RequestEvent, change: () => Promise<ActionItemChange>) {
	const { database, io } = event.locals.context;
	const done = await change();
	// The change is committed; a failed broadcast must not turn it into an error page.
	await publishActionItemChange(io, database.db, done).catch((e: unknown) => console.error(e));
	return done;
}

/** The status code and field codes of a refused change; NOT_FOUND is an error page. */
function refusal(e: unknown) {
	if (!(e instanceof DomainError)) throw e;
	if (e.code === 'NOT_FOUND' || e.code === 'UNAUTHENTICATED') error(httpStatus(e.code), { message: e.code });
	return { status: httpStatus(e.code), code: e.code, fields: e.fields ?? {} };
}

/** An owner, moderator or administrator reports: a status (BLOCKED with a reason) and a note. */
export async function reportAction(event: RequestEvent) {
	const user = requireUser(event.locals, event.url);
	const form = await event.request.formData();
	const values = { status: text(form, 'status'), reason: text(form, 'reason'), note: text(form, 'note') };
	const itemId = text(form, 'itemId');
	try {
		await run(event, () => changeStatus(event.locals.context.database.db, user, { itemId, ...values }));
	} catch (e) {
		const r = refusal(e);
		return fail(r.status, { update: { itemId, error: r.code, fields: r.fields, values } });
	}
	const next = nextOf(form);
	if (next) redirect(303, next);
	return { update: { itemId, saved: true as const } };
}

const CREATE_FIELDS = ['title', 'ownerPersonId', 'side', 'dueDate', 'meetingId', 'agendaItemId', 'decisionId', 'proposalId', 'outcomeId'];

/** A moderator adds an item to a group (from its list, or from a live meeting with `next`). */
export async function createAction(event: RequestEvent, groupId: string) {
	const user = requireUser(event.locals, event.url);
	const form = await event.request.formData();
	const values = Object.fromEntries(CREATE_FIELDS.map((k) => [k, text(form, k)]));
	let itemId: string;
	try {
		itemId = (await run(event, () => createActionItem(event.locals.context.database.db, user, { groupId, ...values }))).itemId;
	} catch (e) {
		const r = refusal(e);
		return fail(r.status, { create: { error: r.code, fields: r.fields, values } });
	}
	const next = nextOf(form);
	if (next) redirect(303, next);
	return { create: { created: itemId } };
}

/** A moderator corrects an item's title, owner, side or due day. */
export async function editAction(event: RequestEvent, itemId: string) {
	const user = requireUser(event.locals, event.url);
	const form = await event.request.formData();
	const values = Object.fromEntries(['title', 'ownerPersonId', 'side', 'dueDate'].map((k) => [k, text(form, k)]));
	try {
		await run(event, () => editActionItem(event.locals.context.database.db, user, { itemId, ...values }));
	} catch (e) {
		const r = refusal(e);
		return fail(r.status, { edit: { error: r.code, fields: r.fields, values } });
	}
	return { edit: { saved: true as const } };
}

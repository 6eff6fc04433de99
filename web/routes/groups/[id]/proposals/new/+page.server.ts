import { redirect } from '@sveltejs/kit';
import { fileProposal, groupToFileIn } from '$server/domain/proposals/proposals';
import { linkablePeople } from '$server/domain/proposals/people-links';
import { linkAgendaItem } from '$server/domain/proposals/agenda-link';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { proposalFromForm } from '$lib/proposals/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const group = await domainCall(() => groupToFileIn(db, user, params.id));
	// Raised from a meeting's agenda item: the meeting room links here with these.
	const from = { meetingId: url.searchParams.get('meeting') ?? '', agendaItemId: url.searchParams.get('item') ?? '' };
	return { group, people: await linkablePeople(db, user, params.id), from, title: url.searchParams.get('title')?.slice(0, 200) ?? '' };
};

export const actions: Actions = {
	default: formAction(
		{
			read: (form) => ({
				...proposalFromForm(form),
				meetingId: String(form.get('meetingId') ?? ''),
				agendaItemId: String(form.get('agendaItemId') ?? ''),
				submit: form.get('submit') === '1'
			})
		},
		async (values, { db, user, params, services }) => {
			const { id } = await fileProposal(db, user, params.id, values as Parameters<typeof fileProposal>[3]);
			// The proposal is filed either way; a failed agenda link is only logged.
			if (values.agendaItemId) await linkAgendaItem(db, services.documents, id).catch((e) => console.error(e));
			redirect(303, `/proposals/${id}`);
		}
	)
};

import { redirect } from '@sveltejs/kit';
import { proposalForEdit, reviseProposal } from '$server/domain/proposals/proposals';
import { linkablePeopleKeeping } from '$server/domain/proposals/people-links';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { proposalFromForm } from '$lib/proposals/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const proposal = await domainCall(() => proposalForEdit(db, user, params.id));
	// Linked people the editor could not pick themselves stay selectable.
	const people = await linkablePeopleKeeping(
		db,
		user,
		proposal.groupId,
		proposal.people.map((l) => l.personId)
	);
	return { proposal, people };
};

export const actions: Actions = {
	default: formAction(
		{ read: (form) => ({ ...proposalFromForm(form), revision: Number(form.get('revision')) || undefined }) },
		async (values, { db, user, params }) => {
			await reviseProposal(db, user, params.id, values as Parameters<typeof reviseProposal>[3]);
			redirect(303, `/proposals/${params.id}`);
		}
	)
};

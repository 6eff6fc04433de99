import { redirect } from '@sveltejs/kit';
import { mergePeople, personProfile, setPersonArchived } from '$server/domain/databank/people';
import { suggestForPerson } from '$server/domain/databank/suggestions';
import { introduce, setIntroductionStatus } from '$server/domain/databank/introductions';
import type { IntroductionStatus } from '$shared/databank';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formCall } from '$lib/server/form-call';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.context.database.db;
	const profile = await domainCall(() => personProfile(db, user, params.id));
	const p = profile.person;
	const suggest = profile.rights.link && 'consent' in p && p.consent && !p.archived;
	return { profile, suggestions: suggest ? await domainCall(() => suggestForPerson(db, user, params.id)) : [] };
};

/** Each action reads its few fields, calls one domain function and comes back to the profile. */
export const actions: Actions = {
	introduce: async ({ locals, url, request, params }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const values = { toPersonId: String(form.get('toPersonId') ?? ''), note: String(form.get('note') ?? '') };
		const r = await formCall(values, () => introduce(locals.context.database.db, user, { personId: params.id, ...values }));
		return r.ok ? { introduced: values.toPersonId } : r.failure;
	},
	status: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const r = await formCall(undefined, () =>
			setIntroductionStatus(
				locals.context.database.db,
				user,
				String(form.get('introductionId') ?? ''),
				String(form.get('status')) as IntroductionStatus
			)
		);
		return r.ok ? { moved: true } : r.failure;
	},
	archive: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		await domainCall(() => setPersonArchived(locals.context.database.db, user, params.id, true));
		return { archived: true };
	},
	restore: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const r = await formCall(undefined, () => setPersonArchived(locals.context.database.db, user, params.id, false));
		return r.ok ? { restored: true } : r.failure;
	},
	merge: async ({ locals, url, request, params }) => {
		const user = requireUser(locals, url);
		const duplicateId = String((await request.formData()).get('duplicateId') ?? '');
		const r = await formCall({ duplicateId }, () => mergePeople(locals.context.database.db, user, params.id, duplicateId));
		if (!r.ok) return r.failure;
		redirect(303, `/people/${params.id}`);
	}
};

import { redirect } from '@sveltejs/kit';
import { mergePeople, personProfile, setPersonArchived } from '$server/domain/databank/people';
import { suggestForPerson } from '$server/domain/databank/suggestions';
import { searchPeople } from '$server/domain/databank/search';
import { introduce, setIntroductionStatus } from '$server/domain/databank/introductions';
import { inviteToAccount } from '$server/domain/account-invitation';
import type { IntroductionStatus } from '$shared/databank';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const profile = await domainCall(() => personProfile(db, user, params.id));
	const p = profile.person;
	const suggest = profile.rights.link && 'consent' in p && p.consent && !p.archived;
	// A manager picks the record to merge into this one by searching for it (?merge=…).
	const q = (url.searchParams.get('merge') ?? '').trim().slice(0, 200);
	const found =
		profile.duplicates && q
			? (await domainCall(() => searchPeople(db, user, { q, pageSize: 8 }))).items
					.filter((o) => o.id !== params.id)
					.map((o) => ({ id: o.id, name: o.name, email: 'email' in o ? o.email : null }))
			: [];
	return {
		profile,
		merge: { q, found },
		suggestions: suggest ? await domainCall(() => suggestForPerson(db, user, params.id)) : []
	};
};

/** Each action reads its few fields, calls one domain function and comes back to the profile. */
export const actions: Actions = {
	introduce: formAction(async (v, { db, user, params }) => {
		const toPersonId = String(v.toPersonId ?? '');
		await introduce(db, user, { personId: params.id, toPersonId, note: String(v.note ?? '') });
		return { introduced: toPersonId };
	}),
	status: formAction(async (v, { db, user }) => {
		await setIntroductionStatus(db, user, String(v.introductionId ?? ''), String(v.status) as IntroductionStatus);
		return { moved: true };
	}),
	archive: formAction(async (_, { db, user, params }) => {
		await setPersonArchived(db, user, params.id, true);
		return { archived: true };
	}),
	restore: formAction(async (_, { db, user, params }) => {
		await setPersonArchived(db, user, params.id, false);
		return { restored: true };
	}),
	invite: formAction(async (_, { db, user, params }) => {
		const { email } = await inviteToAccount(db, user, params.id);
		return { invited: email };
	}),
	merge: formAction(async (v, { db, user, params }) => {
		await mergePeople(db, user, params.id, String(v.duplicateId ?? ''));
		redirect(303, `/people/${params.id}`);
	})
};

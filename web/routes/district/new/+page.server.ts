// The front desk: staff register a citizen who is with them, with the consent they give.
import { redirect } from '@sveltejs/kit';
import { deskDistricts, registerAtDesk } from '$server/domain/intake/intake';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { getLocale } from '$lib/paraglide/runtime';
import type { DeskIntakeInput } from '$shared/intake';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { districts: await domainCall(() => deskDistricts(locals.services.db, user)) };
};

// Validated by the domain (shared/intake.ts DeskIntakeInput).
export const actions: Actions = {
	default: formAction({ arrays: ['consent'] }, async (v, { db, user }) => {
		const input = { ...v, locale: getLocale() } as unknown as DeskIntakeInput & { districtId?: string };
		const { id } = await registerAtDesk(db, user, input);
		redirect(303, `/district/${id}`);
	})
};

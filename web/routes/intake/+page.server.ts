// The public "bring your idea" form: no account. A signed time token and a honeypot keep
// scripts out (server/domain/intake/form-token.ts), a per-address limit the rest; what is
// sent lands in the chosen district's queue and the citizen is shown their tracking code.
import { fail, redirect } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';
import { intakeFormKey, publicIntakeDistricts, submitPublicIntake } from '$server/domain/intake/intake';
import { FORM_TOKEN_RULE, issueFormToken } from '$server/domain/intake/form-token';
import { formObject } from '$lib/server/form-data';
import { getLocale } from '$lib/paraglide/runtime';
import type { FormFailure } from '$shared/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	// Each view carries its own token: no shared cache may keep one.
	setHeaders({ 'cache-control': 'private, no-store' });
	const { db } = locals.services;
	return { districts: await publicIntakeDistricts(db), token: issueFormToken(await intakeFormKey(db)) };
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const { db, intake } = locals.services;
		const values = formObject(await request.formData(), { arrays: ['consent'] });
		try {
			const { trackingCode } = await submitPublicIntake(db, {
				values: { ...values, locale: getLocale() },
				address: getClientAddress(),
				key: await intakeFormKey(db),
				tokenRule: { ...FORM_TOKEN_RULE, minAgeMs: intake.minAgeMs },
				rateRule: { failures: intake.perHour, windowMs: 3_600_000, lockMs: 3_600_000 }
			});
			redirect(303, `/track/${trackingCode}?new=1`);
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			const { token: _token, website: _website, ...sent } = values;
			const status = e.code === 'RATE_LIMITED' ? 429 : e.code === 'INVALID' ? 400 : httpStatus(e.code);
			return fail(status, { errors: e.fields ?? { form: e.code }, values: sent, which: 'default' } satisfies FormFailure);
		}
	}
};

import { fail } from '@sveltejs/kit';
import { ResetRequestInput, requestPasswordReset } from '$server/domain/password-reset';
import type { Actions } from './$types';

// No user yet, so not the form adapter: the answer is the same whether the address has an
// account or not; only the throttle says something (and it counts unknown addresses alike).
export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const email = String((await request.formData()).get('email') ?? '');
		const parsed = ResetRequestInput.safeParse({ email });
		if (!parsed.success) return fail(400, { errors: { form: 'input' }, values: { email }, which: 'default' });
		const { db, auth } = locals.services;
		const result = await requestPasswordReset({ db, auth }, parsed.data, { address: getClientAddress() });
		if (!result.ok) {
			return fail(429, {
				errors: { form: 'rate_limited' },
				values: { email },
				which: 'default',
				minutes: Math.ceil(result.retryAfterSeconds / 60)
			});
		}
		return { sent: parsed.data.email };
	}
};

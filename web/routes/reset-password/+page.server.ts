import { fail, redirect } from '@sveltejs/kit';
import { NewPasswordInput, resetLinkUsable, resetPassword } from '$server/domain/password-reset';
import { DomainError } from '$server/domain/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	// The token is in the address: no Referer to other sites at all ('no-referrer' would also
	// make the browser send `Origin: null` with the form, which SvelteKit rightly refuses).
	setHeaders({ 'referrer-policy': 'same-origin' });
	const token = url.searchParams.get('token') ?? '';
	// An account invitation (server/domain/account-invitation.ts) is a reset link that welcomes.
	const welcome = url.searchParams.get('welcome') === '1';
	return { token, welcome, usable: token !== '' && (await resetLinkUsable(locals.services.db, token)) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = NewPasswordInput.safeParse({ token: form.get('token'), password: form.get('password') });
		if (!parsed.success) return fail(400, { errors: { form: 'input' }, values: {}, which: 'default' });
		try {
			await resetPassword(locals.services.auth, parsed.data);
		} catch (e) {
			if (e instanceof DomainError && e.code === 'INVALID') return fail(400, { errors: { form: 'expired' }, values: {}, which: 'default' });
			throw e;
		}
		redirect(303, '/login?reset=1');
	}
};

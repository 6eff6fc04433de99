import { fail, redirect } from '@sveltejs/kit';
import { SignInInput, signIn } from '$server/domain/sign-in';
import { applySetCookies, setLocaleCookie } from '$lib/server/cookies';
import { safeNext } from '$lib/server/safe-next';
import { isLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
};

/** A refused sign-in in the one form failure's shape (shared/forms.ts): why, under `form`,
 * and the email again (never the password). There is no user yet, so no formAction. */
const refused = (status: number, email: string, code: 'input' | 'invalid' | 'rate_limited', minutes?: number) =>
	fail(status, { errors: { form: code }, values: { email }, which: 'default', ...(minutes === undefined ? {} : { minutes }) });

export const actions: Actions = {
	default: async ({ request, cookies, locals, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = SignInInput.safeParse({ email, password: form.get('password') });
		if (!parsed.success) return refused(400, email, 'input');

		const { db, auth } = locals.services;
		const result = await signIn({ db, auth }, parsed.data, { address: getClientAddress(), headers: request.headers });
		if (!result.ok && result.reason === 'RATE_LIMITED') {
			return refused(429, email, 'rate_limited', Math.ceil(result.retryAfterSeconds / 60));
		}
		if (!result.ok) return refused(400, email, 'invalid');
		applySetCookies(cookies, result.setCookies);
		// The language chosen on another device follows the user here.
		if (result.locale && isLocale(result.locale)) setLocaleCookie(cookies, url, result.locale);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};

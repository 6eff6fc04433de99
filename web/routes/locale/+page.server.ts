import { redirect } from '@sveltejs/kit';
import { locales } from '$lib/paraglide/runtime';
import { setPreferredLocale } from '$server/domain/preferences';
import { setLocaleCookie } from '$lib/server/cookies';
import { safeNext } from '$lib/server/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Switches the language without JavaScript; remembered in a cookie and on the account. */
export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const locale = String(form.get('locale'));
		if ((locales as readonly string[]).includes(locale)) {
			setLocaleCookie(cookies, url, locale);
			if (locals.user) await setPreferredLocale(locals.services.db, locals.user.userId, locale);
		}
		const next = form.get('next');
		redirect(303, safeNext(typeof next === 'string' ? next : '/'));
	}
};

import { redirect } from '@sveltejs/kit';
import { locales, cookieName, cookieMaxAge } from '$lib/paraglide/runtime';
import { setPreferredLocale } from '$server/domain/preferences';
import { safeNext } from '$lib/server/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Switches the language without JavaScript; remembered in a cookie and on the account. */
export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = String(form.get('locale'));
		if ((locales as readonly string[]).includes(locale)) {
			cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
			if (locals.user) await setPreferredLocale(locals.context.database.db, locals.user.userId, locale);
		}
		redirect(303, safeNext(String(form.get('next') ?? '/')));
	}
};

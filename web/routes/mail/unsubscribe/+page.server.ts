import { fail } from '@sveltejs/kit';
import { unsubscribe, unsubscribeTarget } from '$server/domain/mail/preferences';
import { DomainError } from '$server/domain/errors';
import type { Actions, PageServerLoad } from './$types';

// The human side of the unsubscribe link (mail clients' one-click POST goes to /mail/one-click,
// server/http/app.ts). Opening the page changes nothing, so a link scanner cannot unsubscribe
// anyone; the button does. The signed token is the only credential: no session is needed.
export const load: PageServerLoad = async ({ locals, url }) => {
	const token = url.searchParams.get('t') ?? '';
	try {
		return { token, target: await unsubscribeTarget(locals.services.db, token) };
	} catch (e) {
		if (e instanceof DomainError && e.code === 'NOT_FOUND') return { token, target: null };
		throw e;
	}
};

export const actions: Actions = {
	default: async ({ locals, url }) => {
		try {
			return { done: await unsubscribe(locals.services.db, url.searchParams.get('t') ?? '') };
		} catch (e) {
			if (e instanceof DomainError && e.code === 'NOT_FOUND')
				return fail(404, { errors: { form: 'NOT_FOUND' }, values: {}, which: 'default' });
			throw e;
		}
	}
};

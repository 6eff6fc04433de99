import { redirect } from '@sveltejs/kit';
import { signOut } from '$server/domain/sign-in';
import { applySetCookies } from '$lib/server/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals, setHeaders }) => {
		if (locals.user) {
			applySetCookies(cookies, await signOut(locals.services.auth, request.headers));
			// Sockets opened with this session (here and on other nodes) close now.
			await locals.services.sessions.ended(locals.user.sessionId);
		}
		// The agenda's offline copies (IndexedDB) go too, even where the page's own clean-up
		// could not run (no JavaScript); the app keeps nothing else in the browser's storage.
		setHeaders({ 'clear-site-data': '"storage"' });
		redirect(303, '/login');
	}
};

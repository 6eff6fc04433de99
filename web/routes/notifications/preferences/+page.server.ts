import { preferences, savePreferences } from '$server/domain/action-items/notifications';
import { myMailPreferences, saveMailPreferences } from '$server/domain/mail/preferences';
import { MAIL_TOPICS, MailPreferencesInput } from '$shared/mail';
import { NOTIFICATION_KINDS, type NotificationPreferences } from '$shared/action-items';
import { requireUser } from '$lib/server/auth-guard';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		preferences: await preferences(locals.services.db, user.userId),
		mail: await myMailPreferences(locals.services.db, user),
		// Group mail goes to people seated in groups; an account without a person gets none.
		getsGroupMail: user.personId !== null
	};
};

export const actions: Actions = {
	// A checkbox is sent only when ticked: every kind not sent is turned off.
	save: formAction({ booleans: [...NOTIFICATION_KINDS] }, async (v, { db, user }) => {
		const prefs = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, v[k] === true])) as NotificationPreferences;
		await savePreferences(db, user.userId, prefs);
		return { saved: true };
	}),
	mail: formAction({ booleans: [...MAIL_TOPICS], schema: MailPreferencesInput }, async (input, { db, user }) => {
		await saveMailPreferences(db, user, input);
		return { mailSaved: true };
	})
};

import { redirect } from '@sveltejs/kit';
import { minutesLocation } from '$server/domain/minutes/minutes';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

/** A stable link to one version of minutes (used by the agenda's approval item). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const at = await domainCall(() => minutesLocation(locals.services.database, user, params.minutesId));
	redirect(303, `/meetings/${at.meetingId}/minutes?version=${at.version}`);
};

import { joinMeeting } from '$server/domain/meetings/state';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import type { PageServerLoad } from './$types';

// The room's screen reads the meeting as the room page does (whoever may see the meeting may
// show it); it changes nothing, so it has no actions. The live client follows from here.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const joined = await domainCall(() => joinMeeting(locals.services.db, user, params.id));
	return { ...joined, me: { userId: user.userId, name: user.name } };
};

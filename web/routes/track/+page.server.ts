// Looking up a tracking code: a plain GET form that leads to the code's status page.
import { redirect } from '@sveltejs/kit';
import { normaliseTrackingCode } from '$server/domain/intake/tracking-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', invalid: false };
	const code = normaliseTrackingCode(typed);
	if (code) redirect(303, `/track/${code}`);
	return { typed, invalid: true };
};

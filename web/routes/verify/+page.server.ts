import { redirect } from '@sveltejs/kit';
import { normaliseCode } from '$shared/courses';
import type { PageServerLoad } from './$types';

/** The public form: a code typed here goes to its verification page (works without JavaScript). */
export const load: PageServerLoad = ({ url }) => {
	const code = normaliseCode(url.searchParams.get('code') ?? '');
	if (code) redirect(303, `/verify/${encodeURIComponent(code)}`);
	return {};
};

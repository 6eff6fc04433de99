import { verifyCode } from '$server/domain/courses/certificates';
import type { PageServerLoad } from './$types';

/** Public: what anyone holding a certificate's code may learn (shared/courses.ts Verification). */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// A revocation must show at once: no cache keeps an old "valid".
	setHeaders({ 'cache-control': 'no-store' });
	return { verification: await verifyCode(locals.services.db, locals.services.certificates, params.code) };
};

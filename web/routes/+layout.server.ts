import { databankLevel } from '$server/domain/databank-access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user
		? {
				name: locals.user.name,
				isAdmin: locals.user.isAdmin,
				// Decides whether the databank is in the navigation; the pages check again.
				databank: await databankLevel(locals.context.database.db, locals.user)
			}
		: null
});

import { databankLevel } from '$server/domain/databank/access';
import { unreadCount } from '$server/domain/action-items/notifications';
import { intakeScope } from '$server/domain/intake/scope';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user
		? {
				name: locals.user.name,
				isAdmin: locals.user.isAdmin,
				// Decides whether the databank is in the navigation; the pages check again.
				databank: await databankLevel(locals.services.db, locals.user),
				// District staff (and administrators) see their district's intake queue.
				intake: (await intakeScope(locals.services.db, locals.user)) !== null,
				// The bell's count; it stays live over Socket.IO after the page loads.
				unread: await unreadCount(locals.services.db, locals.user.userId)
			}
		: null
});

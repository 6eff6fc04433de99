// Labels for the shared words, through the i18n layer.
import { m } from '$lib/paraglide/messages';
import type { GroupRole, Side } from '$shared/sides';

const SIDE: Record<Side, () => string> = {
	ENTREPRENEUR: m.side_ENTREPRENEUR,
	EXPERT: m.side_EXPERT,
	AGENCY: m.side_AGENCY,
	LEGAL: m.side_LEGAL,
	MEDIA: m.side_MEDIA,
	EXECUTOR: m.side_EXECUTOR
};
const ROLE: Record<GroupRole, () => string> = {
	MODERATOR: m.role_MODERATOR,
	MEMBER: m.role_MEMBER,
	EXECUTOR: m.role_EXECUTOR,
	OBSERVER: m.role_OBSERVER
};

export const sideLabel = (side: Side): string => SIDE[side]();
export const roleLabel = (role: GroupRole): string => ROLE[role]();

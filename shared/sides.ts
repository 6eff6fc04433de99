// Words shared by the server and the web app (MISSION.md's word table).

/** The six sides of every working group, in the order the source lists them. */
export const SIDES = ['ENTREPRENEUR', 'EXPERT', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR'] as const;
export type Side = (typeof SIDES)[number];

/** Roles inside one group. Only moderators drive a meeting; observers only watch. */
export const GROUP_ROLES = ['MODERATOR', 'MEMBER', 'EXECUTOR', 'OBSERVER'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Each side's colour for presence carets and chips; a person with no seat gets NO_SIDE_COLOUR. */
export const SIDE_COLOURS: Record<Side, string> = {
	ENTREPRENEUR: '#c0510f',
	EXPERT: '#2457c5',
	AGENCY: '#6a3fb5',
	LEGAL: '#0f766e',
	MEDIA: '#b3245f',
	EXECUTOR: '#3b7d23'
};
export const NO_SIDE_COLOUR = '#4a5553';

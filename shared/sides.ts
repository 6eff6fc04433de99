// Words shared by the server and the web app (MISSION.md's word table).

/** The six sides of every working group, in the order the source lists them. */
export const SIDES = ['ENTREPRENEUR', 'EXPERT', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR'] as const;
export type Side = (typeof SIDES)[number];

/** Roles inside one group. Only moderators drive a meeting; observers only watch. */
export const GROUP_ROLES = ['MODERATOR', 'MEMBER', 'EXECUTOR', 'OBSERVER'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

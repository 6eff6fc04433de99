// A group as its pages show it, and what the reader may do in it (server/domain/access.ts decides).
import type { GroupRole, Side } from './sides';

export interface GroupAccess {
	groupId: string;
	/** The actor's seat, or null for an administrator who is not a member. */
	role: GroupRole | null;
	side: Side | null;
	canRead: boolean;
	/** Members, executors and moderators edit shared documents; observers only read. */
	canEdit: boolean;
	/** Moderators (and administrators) drive meetings and manage membership. */
	canModerate: boolean;
}

/** How a group's meetings recur, as its series says. */
export interface MeetingRhythm {
	/** Every cadenceDays / 7 weeks on one weekday, rather than every cadenceDays days. */
	weekly: boolean;
	cadenceDays: number;
	/** The series' first meeting, whose weekday (in the series' zone) a weekly series keeps. */
	firstStartsAt: string;
	timeZone: string;
}

export interface GroupDetail {
	id: string;
	name: string;
	subject: string;
	description: string;
	cadenceDays: number;
	/** The series' rhythm; null until the group has a series (then cadenceDays is its intent). */
	rhythm: MeetingRhythm | null;
	/** The district the group serves; null for the whole city. */
	district: { id: string; name: string } | null;
	fields: { id: string; name: string; kind: 'SECTOR' | 'SKILL' }[];
	access: GroupAccess;
	sides: Record<Side, { personId: string; name: string; role: GroupRole }[]>;
}

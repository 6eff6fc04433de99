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

export interface GroupDetail {
	id: string;
	name: string;
	subject: string;
	description: string;
	cadenceDays: number;
	/** The district the group serves; null for the whole city. */
	district: { id: string; name: string } | null;
	fields: { id: string; name: string; kind: 'SECTOR' | 'SKILL' }[];
	access: GroupAccess;
	sides: Record<Side, { personId: string; name: string; role: GroupRole }[]>;
}

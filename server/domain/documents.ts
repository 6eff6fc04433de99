// Names of collaborative documents and the rights a user has on each.
//   group.<groupId>.<part>      a group's own pad (notes…)
//   meeting.<meetingId>.agenda  one meeting's agenda, with each item's notes
import type { Db } from '../db/client';
import { groupAccess, type Actor } from './access';
import { DomainError } from './errors';

const GROUP_DOC = /^group\.([a-z0-9]{8,40})\.([a-z0-9-]{1,40})$/;
const MEETING_DOC = /^meeting\.([a-z0-9]{8,40})\.agenda$/;

export { groupDocumentName, agendaDocumentName } from '../../shared/documents';

export interface DocumentAccess {
	name: string;
	groupId: string;
	canEdit: boolean;
	/** The document is closed to everyone's edits (a closed or cancelled meeting's agenda). */
	frozen: boolean;
}

/** The group a document belongs to, and whether it is closed to edits, or NOT_FOUND. */
async function documentGroup(db: Db, name: string): Promise<{ groupId: string; frozen: boolean }> {
	const group = GROUP_DOC.exec(name);
	if (group) return { groupId: group[1], frozen: false };
	const meeting = MEETING_DOC.exec(name);
	if (meeting) {
		const row = await db.meeting.findUnique({ where: { id: meeting[1] }, select: { groupId: true, status: true } });
		// A closed meeting's agenda is part of its minutes: read-only from then on.
		if (row) return { groupId: row.groupId, frozen: row.status === 'CLOSED' || row.status === 'CANCELLED' };
	}
	throw new DomainError('NOT_FOUND', 'unknown document');
}

/** Decides whether the actor may open a document, and whether their edits are kept. */
export async function documentAccess(db: Db, actor: Actor, name: string): Promise<DocumentAccess> {
	const { groupId, frozen } = await documentGroup(db, name);
	const access = await groupAccess(db, actor, groupId);
	return { name, groupId, canEdit: access.canEdit && !frozen, frozen };
}

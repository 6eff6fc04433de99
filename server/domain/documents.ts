// Names of collaborative documents and the rights a user has on each.
// A name is "group.<groupId>.<part>", for example "group.ckx….agenda".
import type { Db } from '../db/client';
import { groupAccess, type Actor } from './access';
import { DomainError } from './errors';

const NAME = /^group\.([a-z0-9]{8,40})\.([a-z0-9-]{1,40})$/;

/** The document name for one part of a group (a notes pad, a meeting's agenda…). */
export const groupDocumentName = (groupId: string, part: string): string => `group.${groupId}.${part}`;

export interface DocumentAccess {
	name: string;
	groupId: string;
	canEdit: boolean;
}

/** Decides whether the actor may open a document, and whether their edits are kept. */
export async function documentAccess(db: Db, actor: Actor, name: string): Promise<DocumentAccess> {
	const match = NAME.exec(name);
	if (!match) throw new DomainError('NOT_FOUND', 'unknown document');
	const access = await groupAccess(db, actor, match[1]);
	return { name, groupId: match[1], canEdit: access.canEdit };
}

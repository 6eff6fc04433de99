// What every change to an item returns (server/domain/changes.ts), so the publisher can tell
// the people concerned: the notifications made, and the group whose meetings' follow-ups show it.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import type { ActionItemChanged } from '../changes';

export type ActionItemChange = ActionItemChanged;

/** The account of the person who owns an item, if they have one. */
export async function userOfPerson(db: Db | Tx, personId: string): Promise<{ id: string } | null> {
	return db.user.findUnique({ where: { personId }, select: { id: true } });
}

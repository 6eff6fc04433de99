// What every change to an item returns, so adapters can tell the people concerned: the
// notifications made, and the group whose meetings' follow-ups need refreshing.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import type { Notice } from './notifications';

export interface ActionItemChange {
	itemId: string;
	groupId: string;
	notices: Notice[];
}

/** The account of the person who owns an item, if they have one. */
export async function userOfPerson(db: Db | Tx, personId: string): Promise<{ id: string } | null> {
	return db.user.findUnique({ where: { personId }, select: { id: true } });
}

// A meeting's agenda document as the database holds it, read through the collab server's
// document store (server/collab/store.ts): the minutes and the agenda mail read it so.
import * as Y from 'yjs';
import type { Database } from '../../db/client';
import { agendaDocumentName } from '../../../shared/documents';
import { prismaDocumentStore } from '../../collab/store';

export async function storedAgenda(database: Database, meetingId: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const stored = await prismaDocumentStore(database.db, database.provider).load(agendaDocumentName(meetingId));
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	return doc;
}

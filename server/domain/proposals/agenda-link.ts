// A proposal raised from an agenda item is linked both ways: the proposal keeps the meeting
// and item (proposals.ts), and the item in the co-edited agenda gets the proposal's id, so
// everyone's agenda shows the link. The agenda is a Yjs document: the server edits it through
// the collab layer's store-then-relay pipeline, never by writing the database directly.
import type { Db } from '../../db/client';
import { agendaItems, updateItem } from '../../../shared/agenda';
import { agendaDocumentName } from '../../../shared/documents';
import type * as Y from 'yjs';

/** What this needs from the collab server. */
export interface AgendaEditor {
	change(name: string, edit: (doc: Y.Doc) => void): Promise<void>;
}

/** Sets the agenda item's proposal, unless the meeting is closed (its agenda then belongs to
 * the minutes) or the item is gone. An item already linked to another proposal keeps it. */
export async function linkAgendaItem(db: Db, agenda: AgendaEditor, proposalId: string): Promise<boolean> {
	const p = await db.proposal.findUnique({
		where: { id: proposalId },
		select: { meetingId: true, agendaItemId: true, meeting: { select: { status: true } } }
	});
	if (!p?.meetingId || !p.agendaItemId || !p.meeting || p.meeting.status === 'CLOSED' || p.meeting.status === 'CANCELLED') return false;
	const itemId = p.agendaItemId;
	let linked = false;
	await agenda.change(agendaDocumentName(p.meetingId), (doc) => {
		const item = agendaItems(doc).find((i) => i.id === itemId);
		if (!item || (item.proposalId && item.proposalId !== proposalId)) return;
		updateItem(doc, itemId, { proposalId });
		linked = true;
	});
	return linked;
}

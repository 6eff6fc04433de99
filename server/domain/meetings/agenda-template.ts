// A group's standing agenda items (shared/agenda-template.ts): moderators keep them; every
// meeting the series creates starts with them, and saving them also gives them to the
// upcoming meetings whose agenda nobody has filled yet. An agenda already holding items of
// its own (the minutes' approval item does not count) is never touched.
import * as Y from 'yjs';
import { addItem, agendaItems } from '../../../shared/agenda';
import { AgendaTemplateInput, AgendaTemplateItem, MAX_TEMPLATE_ITEMS, storedTemplate } from '../../../shared/agenda-template';
import { agendaDocumentName } from '../../../shared/documents';
import type { Db } from '../../db/client';
import { groupAccess, type Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';

/** Edits a document on the server's behalf (the collab server's DocumentService). */
export interface AgendaEdits {
	change(documentName: string, edit: (doc: Y.Doc) => void): Promise<void>;
}

/** The template's items as a Yjs update of an empty agenda, or null for no items. */
export function templateUpdate(items: AgendaTemplateItem[]): Uint8Array<ArrayBuffer> | null {
	if (items.length === 0) return null;
	const doc = new Y.Doc();
	addTemplate(doc, items);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update as Uint8Array<ArrayBuffer>;
}

function addTemplate(doc: Y.Doc, items: AgendaTemplateItem[]): void {
	doc.transact(() => {
		for (const item of items) addItem(doc, { title: item.title, minutes: item.minutes });
	});
}

/** Whether an agenda has none of its own items yet (the minutes' approval item aside). */
const unfilled = (doc: Y.Doc) => agendaItems(doc).every((i) => i.kind === 'approve-minutes');

/** Starts a meeting just created with its group's template, in the creating transaction:
 * nobody can have its agenda open yet, so the row goes straight to the document's log. */
export async function startAgenda(tx: Pick<Db, 'yDocUpdate'>, meetingId: string, templateJson: string): Promise<void> {
	const update = templateUpdate(storedTemplate(templateJson));
	if (update) await tx.yDocUpdate.create({ data: { docName: agendaDocumentName(meetingId), update } });
}

/** The group's template, for anyone who may read the group. */
export async function agendaTemplate(db: Db, actor: Actor, groupId: string): Promise<AgendaTemplateItem[]> {
	await groupAccess(db, actor, groupId);
	const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { agendaTemplate: true } });
	return storedTemplate(group.agendaTemplate);
}

/** The form's rows as items: a row without a title is a spare row, dropped. */
function itemsOf(input: unknown): AgendaTemplateItem[] {
	const { title, minutes } = parse(AgendaTemplateInput, input);
	const items: AgendaTemplateItem[] = [];
	const errors: Record<string, string> = {};
	title.forEach((t, i) => {
		if (t.trim() === '') return;
		const item = AgendaTemplateItem.safeParse({ title: t, minutes: minutes[i] ?? '10' });
		if (item.success) items.push(item.data);
		else errors[`row${i}`] = 'invalid';
	});
	if (Object.keys(errors).length > 0) throw new DomainError('INVALID', 'invalid template row', errors);
	if (items.length > MAX_TEMPLATE_ITEMS) throw new DomainError('INVALID', 'too many template items', { form: 'too_many' });
	return items;
}

/** A moderator saves the template; the upcoming meetings whose agenda is still unfilled start
 * with it at once. Returns how many meetings were given it. */
export async function saveAgendaTemplate(
	db: Db,
	documents: AgendaEdits,
	actor: Actor,
	groupId: string,
	input: unknown,
	now = new Date()
): Promise<{ items: AgendaTemplateItem[]; started: number }> {
	const access = await groupAccess(db, actor, groupId);
	if (!access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators keep the agenda template');
	const items = itemsOf(input);
	await db.group.update({ where: { id: groupId }, data: { agendaTemplate: JSON.stringify(items) } });
	if (items.length === 0) return { items, started: 0 };
	const upcoming = await db.meeting.findMany({
		where: { groupId, status: 'SCHEDULED', startsAt: { gt: now } },
		select: { id: true },
		orderBy: { startsAt: 'asc' }
	});
	let started = 0;
	for (const { id } of upcoming) {
		// Through the document service: someone may have this agenda open right now, and the
		// check and the items go in as one edit of the room's own document.
		await documents.change(agendaDocumentName(id), (doc) => {
			if (!unfilled(doc)) return;
			addTemplate(doc, items);
			started++;
		});
	}
	return { items, started };
}

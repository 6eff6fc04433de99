// The agenda document's shape, shared by the browser, the server and tests.
//
//   doc.getMap('items')            itemId → Y.Map { title: Y.Text, presenter, side, minutes,
//                                                   proposalId, order }
//   doc.getXmlFragment(notesField(itemId))   the item's rich-text notes (Tiptap)
//
// Items live in a map keyed by id with a fractional `order`, not in a Y.Array: moving an
// item is then one field write, so concurrent moves, adds and removes converge without
// the duplicates a delete-and-reinsert in an array would create.
import * as Y from 'yjs';
import { SIDES, type Side } from './sides';

/** An ordinary item, or the item that asks the group to approve earlier minutes. */
export type AgendaItemKind = 'item' | 'approve-minutes';

export interface AgendaItem {
	id: string;
	kind: AgendaItemKind;
	/** For 'approve-minutes': the id of the minutes to approve. */
	ref: string | null;
	title: string;
	presenter: string;
	side: Side | null;
	minutes: number;
	proposalId: string | null;
	order: number;
}

export type AgendaItemPatch = Partial<Pick<AgendaItem, 'title' | 'presenter' | 'side' | 'minutes' | 'proposalId'>>;
export type NewAgendaItem = AgendaItemPatch & Partial<Pick<AgendaItem, 'kind' | 'ref'>>;

export const ITEMS = 'items';
export const notesField = (itemId: string) => `notes:${itemId}`;
export const MAX_TITLE = 300;
export const MAX_MINUTES = 600;

const itemsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ITEMS);

function read(id: string, m: Y.Map<unknown>): AgendaItem {
	const title = m.get('title');
	const side = m.get('side');
	const minutes = Number(m.get('minutes'));
	return {
		id,
		kind: m.get('kind') === 'approve-minutes' ? 'approve-minutes' : 'item',
		ref: typeof m.get('ref') === 'string' ? (m.get('ref') as string) : null,
		title: title instanceof Y.Text ? title.toString() : String(title ?? ''),
		presenter: String(m.get('presenter') ?? ''),
		side: SIDES.includes(side as Side) ? (side as Side) : null,
		minutes: Number.isFinite(minutes) ? Math.max(0, Math.min(MAX_MINUTES, minutes)) : 0,
		proposalId: typeof m.get('proposalId') === 'string' ? (m.get('proposalId') as string) : null,
		order: Number(m.get('order')) || 0
	};
}

/** The items in agenda order (ties, from concurrent inserts at one spot, broken by id). */
export function agendaItems(doc: Y.Doc): AgendaItem[] {
	const items: AgendaItem[] = [];
	itemsMap(doc).forEach((m, id) => {
		if (m instanceof Y.Map) items.push(read(id, m));
	});
	return items.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** An order value between two neighbours; a little jitter keeps concurrent inserts apart. */
function orderBetween(before: number | undefined, after: number | undefined): number {
	const lo = before ?? (after !== undefined ? after - 2 : 0);
	const hi = after ?? lo + 2;
	return lo + (hi - lo) * (0.5 + (Math.random() - 0.5) * 0.2);
}

const newId = () => Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);

/** Adds an item at `index` (default: the end); returns its id. */
export function addItem(doc: Y.Doc, fields: NewAgendaItem = {}, index?: number): string {
	const items = agendaItems(doc);
	const at = index === undefined ? items.length : Math.max(0, Math.min(items.length, index));
	const id = newId();
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		itemsMap(doc).set(id, m);
		if (fields.kind && fields.kind !== 'item') m.set('kind', fields.kind);
		if (fields.ref) m.set('ref', fields.ref);
		m.set('title', new Y.Text((fields.title ?? '').slice(0, MAX_TITLE)));
		m.set('presenter', fields.presenter ?? '');
		m.set('side', fields.side ?? null);
		m.set('minutes', fields.minutes ?? 10);
		m.set('proposalId', fields.proposalId ?? null);
		m.set('order', orderBetween(items[at - 1]?.order, items[at]?.order));
	});
	return id;
}

export function removeItem(doc: Y.Doc, id: string): void {
	itemsMap(doc).delete(id);
}

/** A removal that can be taken back until `forget()`. */
export interface Removal {
	undo(): void;
	forget(): void;
}

/** Removes an item so that `undo()` brings it back under the same id, with its fields, its
 * place and so its notes (kept under the id). The undo history sees only this one removal
 * (its own transaction origin), never anyone else's edits, nor this user's later ones. */
export function removeItemUndoably(doc: Y.Doc, id: string): Removal {
	const origin = { removal: id };
	const history = new Y.UndoManager(itemsMap(doc), { trackedOrigins: new Set([origin]), captureTimeout: 0 });
	doc.transact(() => removeItem(doc, id), origin);
	return {
		undo() {
			history.undo();
			history.destroy();
		},
		forget: () => history.destroy()
	};
}

/** Moves an item to `index` in the current order. */
export function moveItem(doc: Y.Doc, id: string, index: number): void {
	const others = agendaItems(doc).filter((i) => i.id !== id);
	const at = Math.max(0, Math.min(others.length, index));
	itemsMap(doc)
		.get(id)
		?.set('order', orderBetween(others[at - 1]?.order, others[at]?.order));
}

/** Changes fields of an item; a title change is applied as a minimal text edit, so
 * someone else typing elsewhere in the same title keeps their characters. */
export function updateItem(doc: Y.Doc, id: string, patch: AgendaItemPatch): void {
	const m = itemsMap(doc).get(id);
	if (!m) return;
	doc.transact(() => {
		if (patch.title !== undefined) {
			const text = m.get('title');
			if (text instanceof Y.Text) applyTextDiff(text, patch.title.slice(0, MAX_TITLE));
		}
		if (patch.presenter !== undefined) m.set('presenter', patch.presenter.slice(0, 200));
		if (patch.side !== undefined) m.set('side', patch.side);
		if (patch.minutes !== undefined) m.set('minutes', Math.max(0, Math.min(MAX_MINUTES, Math.round(patch.minutes))));
		if (patch.proposalId !== undefined) m.set('proposalId', patch.proposalId);
	});
}

/** Turns `text` into `next` by replacing only the part between the common prefix and suffix. */
export function applyTextDiff(text: Y.Text, next: string): void {
	const prev = text.toString();
	if (prev === next) return;
	let start = 0;
	while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
	let end = 0;
	while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
	if (prev.length - start - end > 0) text.delete(start, prev.length - start - end);
	if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
}

/** The plain text of an item's notes (for minutes and search). */
export function notesText(doc: Y.Doc, itemId: string): string {
	const fragment = doc.getXmlFragment(notesField(itemId));
	const lines: string[] = [];
	const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
		if (node instanceof Y.XmlText) return void lines.push(node.toString().replace(/<[^>]+>/g, ''));
		const before = lines.length;
		node.toArray().forEach((child) => walk(child as Y.XmlElement | Y.XmlText));
		if (node instanceof Y.XmlElement && lines.length > before) lines.push('\n');
	};
	walk(fragment);
	return lines.join('').replace(/\n+$/, '');
}

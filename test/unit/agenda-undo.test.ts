// Taking back the removal of an agenda item: it returns in both copies of the document with
// its id, fields, place and notes, while what another participant did meanwhile stays.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, agendaItems, notesText, notesField, removeItemUndoably, updateItem } from '../../shared/agenda';

/** Two participants' documents, each update passed to the other at once. */
function pair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on('update', (u: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, u, a));
	b.on('update', (u: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, u, b));
	return { a, b };
}

function writeNotes(doc: Y.Doc, itemId: string, text: string) {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment(notesField(itemId)).insert(0, [paragraph]);
}

describe('removing an agenda item undoably', () => {
	it('brings the item back with its fields, place and notes, in every copy', () => {
		const { a, b } = pair();
		const first = addItem(a, { title: 'Packaging costs', presenter: 'Maryam', side: 'EXPERT', minutes: 15 });
		const second = addItem(a, { title: 'Pilot shop' });
		writeNotes(a, first, 'Quotes from three printers');
		const before = agendaItems(b);

		const removal = removeItemUndoably(a, first);
		expect(agendaItems(b).map((i) => i.id)).toEqual([second]);
		// Someone else goes on editing meanwhile: the undo leaves that alone.
		updateItem(b, second, { title: 'Pilot shop for home bakers' });

		removal.undo();
		const after = agendaItems(b);
		expect(after.map((i) => i.id)).toEqual([first, second]);
		expect(after[0]).toEqual(before[0]);
		expect(after[1]?.title).toBe('Pilot shop for home bakers');
		expect(notesText(b, first)).toBe('Quotes from three printers');
	});

	it('undoes only that removal, not the user’s later edits', () => {
		const { a } = pair();
		const first = addItem(a, { title: 'One' });
		const second = addItem(a, { title: 'Two' });
		const removal = removeItemUndoably(a, first);
		updateItem(a, second, { title: 'Two, renamed' });
		removal.undo();
		expect(agendaItems(a).map((i) => i.title)).toEqual(['One', 'Two, renamed']);
		// Once used (or forgotten) it does nothing more.
		removal.undo();
		expect(agendaItems(a)).toHaveLength(2);
	});
});

// Presence like the browser publishes it (web/lib/agenda): the user (name, side, colour)
// and a Tiptap caret ({ anchor, head } as Yjs relative positions), about 340 bytes of JSON,
// with the caret moving on a timer.
import * as Y from 'yjs';
import type { YClient } from './clients';

const SIDES = ['ENTREPRENEUR', 'EXPERT', 'AGENCY'] as const;
const COLOURS = ['#1f6f8b', '#8b3a1f', '#3a6b2f'];

function caret(doc: Y.Doc, at: number) {
	// Relative positions as y-prosemirror encodes them (into the notes' text items).
	const position = (clock: number) => ({
		type: { client: doc.clientID, clock: 7 },
		tname: null,
		item: { client: doc.clientID, clock },
		assoc: 0
	});
	return { anchor: position(at), head: position(at + 3) };
}

/** Sets a browser-like presence on a client; returns the JSON size of the state. */
export function publishPresence(c: YClient, index: number): number {
	const side = SIDES[index % SIDES.length];
	c.provider.awareness.setLocalStateField('user', {
		name: `Participant ${String(index).padStart(3, '0')} — شرکت‌کننده شماره ${index}`,
		side,
		color: COLOURS[index % COLOURS.length]
	});
	c.provider.awareness.setLocalStateField('cursor', caret(c.doc, 1000 + index));
	return JSON.stringify(c.provider.awareness.getLocalState()).length;
}

/** Moves the client's caret every `ms` (as typing does); returns what stops it. */
export function moveCaret(c: YClient, ms = 150): () => void {
	let at = 1000 + Math.floor(Math.random() * 1000);
	const timer = setInterval(() => c.provider.awareness.setLocalStateField('cursor', caret(c.doc, (at += 1))), ms);
	return () => clearInterval(timer);
}

// Highlighted snippets on the ORIGINAL text (with its ZWNJs, Arabic letters, digit sets),
// found by matching the normalised query terms against a normalised copy whose every
// character remembers where it came from.
import { affixSpaces, normalizeText, searchKey } from '../persian';
import type { SnippetPart } from '../../../shared/search';

export type { SnippetPart } from '../../../shared/search';

/** The normalised text with, for each of its characters, the index in the original. */
function normalisedWithMap(original: string): { text: string; at: number[] } {
	let text = '';
	const at: number[] = [];
	for (let i = 0; i < original.length; i++) {
		const c = original[i];
		// A ZWNJ breaks words as a space does in the search key (persian.ts, searchKey).
		const n = /[\s\u200C]/.test(c) ? ' ' : normalizeText(c);
		for (const ch of n) {
			if (ch === ' ' && (text.endsWith(' ') || text === '')) continue;
			text += ch;
			at.push(i);
		}
	}
	// …and the spaces before a suffix and after a prefix go, as they do in the key.
	for (let drop = affixSpaces(text); drop.length; drop = affixSpaces(text)) {
		for (const i of drop.reverse()) {
			text = text.slice(0, i) + text.slice(i + 1);
			at.splice(i, 1);
		}
	}
	return { text, at };
}

/** The query's search terms: normalised words of letters and digits, at most eight. */
export function queryTerms(query: string): string[] {
	return [...new Set(searchKey(query).match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 8);
}

/** A window of about `radius` characters each side of the first match, cut into parts
 * so the page can render matches as <mark> without building HTML from user text. */
export function snippet(original: string, terms: string[], radius = 80): SnippetPart[] {
	const { text, at } = normalisedWithMap(original);
	const hits: [number, number][] = [];
	for (const term of terms) {
		let from = 0;
		for (let i = text.indexOf(term, from); i !== -1 && hits.length < 50; i = text.indexOf(term, from)) {
			hits.push([at[i], at[i + term.length - 1] + 1]);
			from = i + term.length;
		}
	}
	hits.sort((a, b) => a[0] - b[0]);
	if (hits.length === 0) return [{ text: original.slice(0, radius * 2), match: false }];
	let start = Math.max(0, hits[0][0] - radius);
	let end = Math.min(original.length, hits[0][1] + radius);
	// Cut between words, not inside one: skip the partial word at each edge of the window.
	if (start > 0 && !/\s/.test(original[start - 1])) {
		const space = original.slice(start, hits[0][0]).search(/\s/);
		if (space !== -1) start += space + 1;
	}
	if (end < original.length && !/\s/.test(original[end])) {
		const space = original.slice(hits[0][1], end).search(/\s\S*$/);
		if (space !== -1) end = hits[0][1] + space;
	}
	const parts: SnippetPart[] = [];
	let cursor = start;
	for (const [s, e] of hits) {
		if (s < cursor || e > end) continue;
		if (s > cursor) parts.push({ text: original.slice(cursor, s), match: false });
		parts.push({ text: original.slice(s, e), match: true });
		cursor = e;
	}
	if (cursor < end) parts.push({ text: original.slice(cursor, end), match: false });
	if (start > 0) parts.unshift({ text: '… ', match: false });
	if (end < original.length) parts.push({ text: ' …', match: false });
	return parts;
}

// Persian-aware text keys. Persian text arrives typed on Arabic keyboards (ي, ك), with or
// without the zero-width non-joiner, with kashida stretching and with three digit sets;
// a person searching must not need to know which. Every search column and every query
// goes through the same function, so equality and LIKE on the key are enough.

const REPLACEMENTS: Record<string, string> = {
	'\u064A': '\u06CC', // ي Arabic yeh → ی
	'\u0649': '\u06CC', // ى alef maksura → ی
	'\u0643': '\u06A9', // ك Arabic kaf → ک
	'\u0629': '\u0647', // ة teh marbuta → ه
	'\u06C0': '\u0647', // ۀ heh with yeh above → ه
	'\u0623': '\u0627', // أ → ا
	'\u0625': '\u0627', // إ → ا
	'\u0671': '\u0627' // ٱ → ا
};

// ZWNJ, ZWJ, LRM/RLM and other bidi marks, tatweel, Arabic diacritics and the hamza above.
// (Combining marks first in the class, so no mark follows a base letter inside it.)
const REMOVE = /[\u064B-\u065F\u0670\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\u0640\uFEFF]/g;
const MAP = /[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671]/g;
const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
const ARABIC_DIGITS = /[\u0660-\u0669]/g;

/** The search key of a text: Persian/Arabic letter variants unified, joiners and marks
 * removed, every digit Latin, lower case, whitespace collapsed. */
export function normalizeText(text: string): string {
	return (
		text
			// NFKC folds Arabic presentation forms (ﻙ, ﯾ…) and full-width Latin into plain letters.
			.normalize('NFKC')
			.replace(REMOVE, '')
			.replace(MAP, (c) => REPLACEMENTS[c])
			.replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
			.replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
			.toLowerCase()
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** A phone number's digits only (any digit set), so "۰۹۱۲ ۱۲۳-۴۵۶۷" finds "09121234567". */
export const phoneDigits = (phone: string): string => normalizeText(phone).replace(/\D/g, '');

/** The stored search column for a person. Fields are separated so a query cannot match
 * across the boundary of two of them. */
export function personSearchText(p: { name: string; email?: string | null; phone?: string | null; bio?: string | null }): string {
	const parts = [normalizeText(p.name), normalizeText(p.email ?? '')];
	if (p.phone) parts.push(phoneDigits(p.phone));
	if (p.bio) parts.push(normalizeText(p.bio));
	return parts.filter(Boolean).join(' | ');
}

// The Persian alphabet, in order. Each letter is rewritten to a code point in that order
// (from U+0800, above every Arabic-script letter), so that plain binary comparison — the
// same on SQLite and on PostgreSQL with the C collation — sorts names as a Persian reader
// expects; Latin letters and digits sort before Persian ones.
const ALPHABET = 'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
const RANK = new Map([...ALPHABET].map((c, i) => [c, String.fromCharCode(0x0800 + i)]));

/** A key whose binary order is Persian alphabetical order of the name (normalised first). */
export const sortKey = (name: string): string => [...normalizeText(name)].map((c) => RANK.get(c) ?? c).join('');

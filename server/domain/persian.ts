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

// Persian writes a word's suffixes and prefixes joined, after a zero-width non-joiner or
// after a space («کارگروهها», «کارگروه‌ها», «کارگروه ها»; «می‌شود», «می شود»), and a
// compound with a ZWNJ or a space («بسته‌بندی», «بسته بندی»). A search key treats a ZWNJ as
// a word break and then joins every affix to its word, so the three spellings are one key.
const SUFFIXES = 'ها های هایی هایم هایت هایش هایمان هایتان هایشان ی ای ایی ام ات اش مان تان شان ایم اید اند تر ترین تری ترها'.split(' ');
const PREFIXES = 'می نمی بی'.split(' ');
const PERSIAN_LETTER = String.raw`[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]`;
const WORD_EDGE = String.raw`[\p{L}\p{M}\p{N}]`;
/** The spaces a search key drops: before a suffix, after a prefix (each a whole word). */
const AFFIX_SPACE = new RegExp(
	`(?<=${PERSIAN_LETTER}) (?=(?:${SUFFIXES.join('|')})(?!${WORD_EDGE}))|(?<=(?<!${WORD_EDGE})(?:${PREFIXES.join('|')})) (?=${PERSIAN_LETTER})`,
	'gu'
);
const ZWNJ = /\u200C/g;

/** Where a search key drops spaces of this (normalised, ZWNJ-as-space) text in one pass;
 * for the snippet, which keeps a map back to the original characters. */
export const affixSpaces = (normalised: string): number[] => [...normalised.matchAll(AFFIX_SPACE)].map((m) => m.index);

/** The search key of a text: normalizeText, with a ZWNJ read as a space and every Persian
 * suffix and prefix joined to its word. Stored search columns, the full-text index and
 * every query use it; bump SEARCH_KEY_VERSION when it changes, so stored keys are rebuilt. */
export function searchKey(text: string): string {
	let key = normalizeText(text.replace(ZWNJ, ' '));
	// A join can make a new affix («ب ی می» → «بی می» → «بیمی»), so until nothing changes.
	for (let joined = key.replace(AFFIX_SPACE, ''); joined !== key; joined = key.replace(AFFIX_SPACE, '')) key = joined;
	return key;
}
export const SEARCH_KEY_VERSION = '2';

/** Whether a word is only a suffix or prefix (ها، می…), which is never worth searching alone. */
export const isAffix = (word: string): boolean => {
	const key = searchKey(word);
	return SUFFIXES.includes(key) || PREFIXES.includes(key);
};

/** A phone number's digits only (any digit set), so "۰۹۱۲ ۱۲۳-۴۵۶۷" finds "09121234567". */
export const phoneDigits = (phone: string): string => normalizeText(phone).replace(/\D/g, '');

/** The stored search column for a person. Fields are separated so a query cannot match
 * across the boundary of two of them. */
export function personSearchText(p: { name: string; email?: string | null; phone?: string | null; bio?: string | null }): string {
	const parts = [searchKey(p.name), normalizeText(p.email ?? '')];
	if (p.phone) parts.push(phoneDigits(p.phone));
	if (p.bio) parts.push(searchKey(p.bio));
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

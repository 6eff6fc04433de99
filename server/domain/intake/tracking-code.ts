// Tracking codes: what a citizen is given to follow their intake on the public status page.
// The code is the only key to that page, so it is random (50 bits from an alphabet without
// look-alikes: no 0/O, 1/I/L), tells nothing about the intake, and reads well aloud.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 10;

/** A new code, shown as RK-XXXXX-XXXXX. */
export function newTrackingCode(): string {
	let s = '';
	for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
	return `RK-${s.slice(0, 5)}-${s.slice(5)}`;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** A code as typed (lower case, Persian or Arabic digits, spaces, dashes or none) in its
 * stored form; null when it cannot be one. */
export function normaliseTrackingCode(input: string): string | null {
	const latin = [...input.trim().toUpperCase()]
		.map((c) => {
			const p = PERSIAN_DIGITS.indexOf(c);
			if (p >= 0) return String(p);
			const a = ARABIC_DIGITS.indexOf(c);
			return a >= 0 ? String(a) : c;
		})
		.join('')
		.replace(/[\s\-_.]/g, '');
	const body = latin.startsWith('RK') ? latin.slice(2) : latin;
	// Look-alikes (0, O, 1, I, L) were never issued, so a code holding one is mistyped.
	if (body.length !== LENGTH || [...body].some((c) => !ALPHABET.includes(c))) return null;
	return `RK-${body.slice(0, 5)}-${body.slice(5)}`;
}

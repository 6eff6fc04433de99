// The canonical form of a minutes record and its content hash: keys sorted at every
// level, no whitespace, so the same record always hashes the same way. Only plain JSON
// goes in: a value JSON would drop or change (a Date, NaN, undefined in a list) is refused
// rather than hashed as something else.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
		throw new TypeError(`minutes hold no ${typeof value} values`);
	if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('minutes hold only finite numbers');
	if (value && typeof value === 'object') {
		const proto = Object.getPrototypeOf(value) as unknown;
		if (proto !== Object.prototype && proto !== null) throw new TypeError('minutes hold only plain objects');
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** sha256 of the canonical content, hex. */
export const contentHash = (content: string): string => createHash('sha256').update(content, 'utf8').digest('hex');

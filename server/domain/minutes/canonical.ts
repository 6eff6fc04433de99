// The canonical form of a minutes record and its content hash: keys sorted at every
// level, no whitespace, so the same record always hashes the same way.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** sha256 of the canonical content, hex. */
export const contentHash = (content: string): string => createHash('sha256').update(content, 'utf8').digest('hex');

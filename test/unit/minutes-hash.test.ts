// The minutes' hash checked against values the app did not compute: the canonical text of
// a fixed record written out in the test fixture, and its sha256 from node:crypto here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../server/domain/minutes/canonical';
import { FIXED_CANONICAL, FIXED_RECORD, FIXED_SHA256 } from '../support/minutes-record';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hashOf = (record: unknown) => contentHash(canonicalJson(record));

type Path = (string | number)[];
/** Every leaf of a JSON value, as the path to it. */
function leaves(value: unknown, path: Path = []): Path[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
	return [path];
}
/** A deep copy with the leaf at `path` changed (a string gains a character, a number grows by
 * one, a boolean flips, null becomes a string). */
function changedAt(path: Path): unknown {
	const copy = structuredClone(FIXED_RECORD) as unknown as Record<string | number, unknown>;
	let parent = copy;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
	const last = path.at(-1)!;
	const old = parent[last];
	parent[last] = typeof old === 'string' ? `${old}x` : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : 'x';
	return copy;
}

describe('minutes hash', () => {
	it('is the sha256 of the canonical JSON, checked against a value computed outside the app', () => {
		expect(sha256(FIXED_CANONICAL)).toBe(FIXED_SHA256);
		expect(canonicalJson(FIXED_RECORD)).toBe(FIXED_CANONICAL);
		expect(hashOf(FIXED_RECORD)).toBe(FIXED_SHA256);
		expect(contentHash(FIXED_CANONICAL)).toBe(sha256(FIXED_CANONICAL));
	});

	it('keeps every part of the record: the canonical text reads back as the same record', () => {
		expect(JSON.parse(canonicalJson(FIXED_RECORD))).toEqual(FIXED_RECORD);
		expect(Object.keys(JSON.parse(FIXED_CANONICAL)).sort()).toEqual(Object.keys(FIXED_RECORD).sort());
	});

	it('changes when any value of the record changes, attendance included', () => {
		const paths = leaves(FIXED_RECORD);
		expect(paths.length).toBeGreaterThan(60);
		expect(paths.filter((p) => p[0] === 'attendance')).toHaveLength(8);
		for (const path of paths) expect(hashOf(changedAt(path)), path.join('.')).not.toBe(FIXED_SHA256);
	});

	it('changes when an entry is added, removed or reordered', () => {
		const record = structuredClone(FIXED_RECORD);
		expect(hashOf({ ...record, attendance: record.attendance.slice(1) })).not.toBe(FIXED_SHA256);
		expect(hashOf({ ...record, attendance: [...record.attendance].reverse() })).not.toBe(FIXED_SHA256);
		expect(hashOf({ ...record, attendance: [...record.attendance, record.attendance[0]] })).not.toBe(FIXED_SHA256);
		expect(hashOf({ ...record, speakers: [] })).not.toBe(FIXED_SHA256);
		expect(hashOf({ ...record, extra: 1 })).not.toBe(FIXED_SHA256);
	});

	it('refuses values JSON cannot carry faithfully instead of hashing them away', () => {
		expect(() => canonicalJson({ ...FIXED_RECORD, remarks: new Date(0) })).toThrow();
		expect(() => canonicalJson({ ...FIXED_RECORD, quorum: { ...FIXED_RECORD.quorum, present: Number.NaN } })).toThrow();
		expect(() => canonicalJson({ ...FIXED_RECORD, attendance: [undefined] })).toThrow();
	});
});

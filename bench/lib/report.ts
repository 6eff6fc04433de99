// Results of a scenario: a JSON file under bench/results/ (gitignored) and a plain table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const resultsDir = path.resolve(import.meta.dirname, '../results');

/** Writes bench/results/<name>-<timestamp>.json and returns its path. */
export function writeResults(name: string, data: unknown): string {
	mkdirSync(resultsDir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const file = path.join(resultsDir, `${name}-${stamp}.json`);
	writeFileSync(file, JSON.stringify(data, null, '\t') + '\n');
	return file;
}

/** Formats rows as a fixed-width table; the first row is the header. */
export function table(rows: string[][]): string {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
	return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Percentile of an ascending array (nearest rank); NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

/** A duration in ms for a table: "4.2 ms", "1.3 s", "> 20 s" for Infinity. */
export function ms(value: number, beyond?: number): string {
	if (Number.isNaN(value)) return '–';
	if (!Number.isFinite(value)) return beyond ? `> ${Math.round(beyond / 1000)} s` : 'never';
	if (value < 10) return `${value.toFixed(1)} ms`;
	if (value < 1000) return `${Math.round(value)} ms`;
	return `${(value / 1000).toFixed(1)} s`;
}

/** Above this share of its one core, a side counts as saturated. */
export const SATURATED_CPU = 85;
/** Edits leaving this much later than scheduled (p95) mean the generator fell behind. */
export const SATURATED_LAG_MS = 50;

/** Bytes as "123 MB". */
export const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
/** A percentage of one core, "–" when unknown. */
export const pct = (v: number) => (Number.isNaN(v) ? '–' : `${Math.round(v)}%`);

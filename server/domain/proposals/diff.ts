// What changed between two versions of a text, word by word (whitespace kept with the word
// before it), through a longest common subsequence. Pure; used by the revisions page.

export interface DiffPart {
	op: 'same' | 'added' | 'removed';
	text: string;
}

/** Past this many cells the word table is too big; the diff falls back to whole lines. */
const MAX_CELLS = 4_000_000;

const words = (s: string): string[] => s.match(/\S+\s*|\s+/g) ?? [];
const lines = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];

function lcsDiff(a: string[], b: string[]): DiffPart[] {
	// Common prefix and suffix first: most edits touch a small part of a long text.
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
	const A = a.slice(start, a.length - end);
	const B = b.slice(start, b.length - end);
	const n = A.length;
	const m = B.length;
	// lengths[i][j]: the LCS of A[i..] and B[j..], in one flat array.
	const L = new Uint32Array((n + 1) * (m + 1));
	for (let i = n - 1; i >= 0; i--)
		for (let j = m - 1; j >= 0; j--)
			L[i * (m + 1) + j] = A[i] === B[j] ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
	const out: DiffPart[] = [];
	const push = (op: DiffPart['op'], text: string) => {
		const last = out[out.length - 1];
		if (last?.op === op) last.text += text;
		else out.push({ op, text });
	};
	if (start) push('same', a.slice(0, start).join(''));
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (A[i] === B[j]) {
			push('same', A[i]);
			i++;
			j++;
		} else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) push('removed', A[i++]);
		else push('added', B[j++]);
	}
	while (i < n) push('removed', A[i++]);
	while (j < m) push('added', B[j++]);
	if (end) push('same', a.slice(a.length - end).join(''));
	return out;
}

/** The parts of `after` and `before`, in order: unchanged, added and removed runs. */
export function diffText(before: string, after: string): DiffPart[] {
	if (before === after) return before ? [{ op: 'same', text: before }] : [];
	const a = words(before);
	const b = words(after);
	if (a.length * b.length <= MAX_CELLS) return lcsDiff(a, b);
	return lcsDiff(lines(before), lines(after));
}

/** Whether anything changed. */
export const changed = (parts: DiffPart[]): boolean => parts.some((p) => p.op !== 'same');

// The revision diff, the six sides' positions and an outcome's overall progress. Pure.
import { describe, expect, it } from 'vitest';
import { changed, diffText } from '../../server/domain/proposals/diff';
import { positionsOf } from '../../server/domain/proposals/positions';
import { overallProgress } from '../../server/domain/proposals/outcomes';
import { positionTone } from '../../shared/proposals';

const render = (parts: ReturnType<typeof diffText>) =>
	parts.map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? `[+${p.text}]` : `[-${p.text}]`)).join('');

describe('revision diff', () => {
	it('marks added and removed words and keeps the rest', () => {
		const parts = diffText('a shop for home products', 'a neighbourhood shop for handmade products');
		expect(render(parts)).toBe('a [+neighbourhood ]shop for [-home ][+handmade ]products');
		// Both sides can be rebuilt from the parts.
		expect(
			parts
				.filter((p) => p.op !== 'added')
				.map((p) => p.text)
				.join('')
		).toBe('a shop for home products');
		expect(
			parts
				.filter((p) => p.op !== 'removed')
				.map((p) => p.text)
				.join('')
		).toBe('a neighbourhood shop for handmade products');
	});

	it('works on Persian text with the zero-width non-joiner', () => {
		const before = 'فروشگاه محله برای کسب‌وکارهای خانگی';
		const after = 'فروشگاه محله‌ای برای کسب‌وکارهای خانگی زنان';
		const parts = diffText(before, after);
		expect(
			parts
				.filter((p) => p.op !== 'added')
				.map((p) => p.text)
				.join('')
		).toBe(before);
		expect(
			parts
				.filter((p) => p.op !== 'removed')
				.map((p) => p.text)
				.join('')
		).toBe(after);
		expect(parts.find((p) => p.op === 'added')?.text).toContain('محله‌ای');
	});

	it('says nothing changed for equal texts, and handles empty ones', () => {
		expect(changed(diffText('same text', 'same text'))).toBe(false);
		expect(diffText('', '')).toEqual([]);
		expect(diffText('', 'new')).toEqual([{ op: 'added', text: 'new' }]);
		expect(diffText('old', '')).toEqual([{ op: 'removed', text: 'old' }]);
	});

	it('stays quick on long texts', () => {
		const long = Array.from({ length: 5000 }, (_, i) => `w${i % 97}`).join(' ');
		const edited = long.replace('w5 ', 'changed ').replace(/w90$/, 'end');
		const started = performance.now();
		const parts = diffText(long, edited);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(
			parts
				.filter((p) => p.op !== 'removed')
				.map((p) => p.text)
				.join('')
		).toBe(edited);
	});
});

describe('six sides in one picture', () => {
	it('has the entrepreneurs proposing and every other side as it reviewed, or none yet', () => {
		const p = positionsOf([
			{ side: 'EXPERT', verdict: 'SUPPORTS', feasibility: null },
			{ side: 'LEGAL', verdict: 'CONDITIONS', feasibility: null },
			{ side: 'EXECUTOR', verdict: null, feasibility: 'NOT_FEASIBLE' }
		]);
		expect(p).toEqual({
			ENTREPRENEUR: 'PROPOSES',
			EXPERT: 'SUPPORTS',
			AGENCY: 'NONE',
			LEGAL: 'CONDITIONS',
			MEDIA: 'NONE',
			EXECUTOR: 'NOT_FEASIBLE'
		});
		expect(Object.values(p).map(positionTone)).toEqual(['positive', 'positive', 'none', 'caution', 'none', 'negative']);
	});
});

describe('overall progress', () => {
	it('is the mean of the milestones, rounded; none yet is 0; delivered without milestones is complete', () => {
		expect(overallProgress([{ progress: 100 }, { progress: 50 }, { progress: 0 }], false)).toBe(50);
		expect(overallProgress([{ progress: 33 }, { progress: 34 }], false)).toBe(34);
		expect(overallProgress([], false)).toBe(0);
		expect(overallProgress([], true)).toBe(100);
	});
});

// Snippets are cut between words, keep the original spelling and mark every match in the window.
import { describe, expect, it } from 'vitest';
import { queryTerms, snippet } from '../../server/domain/search/snippet';

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('search snippets', () => {
	const body =
		'Pilot shop for home bakers\nTwo bakers will share the counter on Fridays.\nسرمایه‌ی اولیه‌ی بازارچه از صندوق محله تأمین شد. The meeting started ten minutes late.';

	it('start and end on whole words when the window is cut', () => {
		const words = body.split(/\s+/);
		for (let radius = 20; radius <= 45; radius++) {
			const parts = snippet(body, queryTerms('صندوق'), radius);
			const shown = text(parts);
			expect(shown.startsWith('… ') && shown.endsWith(' …'), `radius ${radius}`).toBe(true);
			for (const word of shown.slice(2, -2).split(/\s+/).filter(Boolean)) expect(words, `radius ${radius}`).toContain(word);
			expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['صندوق']);
		}
	});

	it('highlight the original letters for a query typed with Arabic ones', () => {
		const parts = snippet(body, queryTerms('سرمايه'));
		expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['سرمایه']);
	});

	it('highlight a word however its suffix or compound was spaced', () => {
		const marked = (original: string, query: string) =>
			snippet(original, queryTerms(query))
				.filter((p) => p.match)
				.map((p) => p.text);
		expect(marked('هزینه‌ی بسته‌بندی بالاست', 'بسته بندی')).toEqual(['بسته', 'بندی']);
		expect(marked('هزینه‌ی بسته بندی بالاست', 'بسته‌بندی')).toEqual(['بسته', 'بندی']);
		expect(marked('نظر کارگروه‌ها چه بود', 'کارگروه ها')).toEqual(['کارگروه‌ها']);
		expect(marked('نظر کارگروه ها چه بود', 'کارگروهها')).toEqual(['کارگروه ها']);
		expect(queryTerms('کارگروه ها')).toEqual(['کارگروهها']);
	});

	it('keep short texts whole', () => {
		expect(text(snippet('بازارچه‌ی محله', queryTerms('محله')))).toBe('بازارچه‌ی محله');
	});
});

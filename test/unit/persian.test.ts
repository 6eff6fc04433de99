import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, personSearchText, phoneDigits, sortKey } from '../../server/domain/persian';

describe('Persian normalisation', () => {
	it('unifies Arabic yeh and kaf with the Persian letters', () => {
		expect(normalizeText('علي كريمي')).toBe(normalizeText('علی کریمی'));
		expect(normalizeText('مصطفى')).toBe('مصطفی');
	});
	it('removes the zero-width non-joiner and joiner, so both spellings match', () => {
		expect(normalizeText('کارگروه‌ها')).toBe('کارگروهها');
		expect(normalizeText('می\u200Dخواهم')).toBe('میخواهم');
	});
	it('removes tatweel and diacritics', () => {
		expect(normalizeText('ســـلام')).toBe('سلام');
		expect(normalizeText('مُحَمَّد')).toBe('محمد');
	});
	it('makes Persian, Arabic-Indic and Latin digits equal', () => {
		expect(normalizeText('منطقه ۱۲')).toBe('منطقه 12');
		expect(normalizeText('منطقه ١٢')).toBe('منطقه 12');
		expect(phoneDigits('۰۹۱۲ ۱۲۳-۴۵۶۷')).toBe('09121234567');
	});
	it('folds Arabic presentation forms, case and whitespace', () => {
		expect(normalizeText('\uFEDB\uFEAE\uFBFF\uFEE2')).toBe(normalizeText('کریم'));
		expect(normalizeText('  Sara   LINDQVIST ')).toBe('sara lindqvist');
	});
	it('is idempotent', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
	});
	it('keeps name, email, phone and bio apart in the search column', () => {
		const text = personSearchText({ name: 'زهرا كريمي', email: 'Z@Example.org', phone: '۰۹۱۲۱۲۳۴۵۶۷', bio: 'طراح' });
		expect(text).toBe('زهرا کریمی | z@example.org | 09121234567 | طراح');
	});
});

describe('Persian sort key', () => {
	it('orders names by the Persian alphabet, whatever keyboard typed them', () => {
		const names = ['یاسر', 'گلاره', 'کاوه', 'ژاله', 'چنگیز', 'پریسا', 'بهناز', 'آرش', 'مريم', 'Sara', 'زهرا', 'ليلا'];
		const sorted = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
		expect(sorted).toEqual(['Sara', 'آرش', 'بهناز', 'پریسا', 'چنگیز', 'زهرا', 'ژاله', 'کاوه', 'گلاره', 'ليلا', 'مريم', 'یاسر']);
	});
});

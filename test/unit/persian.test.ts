import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, personSearchText, phoneDigits, searchKey, sortKey } from '../../server/domain/persian';

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

describe('Persian search key', () => {
	const same = (...spellings: string[]) => expect(new Set(spellings.map(searchKey)).size, spellings.join(' / ')).toBe(1);
	it('treats a space, a ZWNJ and nothing before a suffix as the same', () => {
		same('کارگروه ها', 'کارگروه‌ها', 'کارگروهها');
		same('کتاب های ما', 'کتاب‌های ما', 'کتابهای ما');
		same('بزرگ ترین', 'بزرگ‌ترین', 'بزرگترین');
		same('خانه ای', 'خانه‌ای', 'خانهای');
		same('حوزه ی مشترک', 'حوزه‌ی مشترک', 'حوزهی مشترک');
		same('خسته ام', 'خسته‌ام');
	});
	it('treats a space, a ZWNJ and nothing after می and نمی as the same', () => {
		same('می شود', 'می‌شود', 'میشود');
		same('نمی خواهم', 'نمی‌خواهم', 'نمیخواهم');
	});
	it('reads a ZWNJ inside a compound as a space', () => {
		same('بسته بندی', 'بسته‌بندی');
		expect(searchKey('بسته‌بندی')).toBe('بسته بندی');
	});
	it('keeps the other letter, digit and case rules of normalizeText', () => {
		same('كارگروه‌ها ۱۲', 'کارگروه ها 12');
		expect(searchKey('Sara  LINDQVIST')).toBe('sara lindqvist');
	});
	it('leaves words that merely end or start like an affix alone', () => {
		expect(searchKey('تنها')).toBe('تنها');
		expect(searchKey('میز بزرگ')).toBe('میز بزرگ');
		expect(searchKey('ای ایران')).toBe('ای ایران'); // a word at the start has nothing to join
		expect(searchKey('data ها')).toBe('data ها'); // only Persian words take Persian suffixes
	});
	it('is idempotent, even where a join makes a new affix', () => {
		expect(searchKey('ب‌ی می')).toBe(searchKey(searchKey('ب‌ی می')));
		const pieces = fc.constantFrom('ی', 'ها', 'ای', 'تر', ' ', '\u200C', 'می', 'نمی', 'ب', 'کتاب', 'a', '۱');
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
				const s = parts.join('');
				return searchKey(searchKey(s)) === searchKey(s);
			}),
			{ numRuns: 3000 }
		);
	});
	it('builds the people search column from it', () => {
		expect(personSearchText({ name: 'گروه بسته‌بندی ها', bio: 'می‌سازد' })).toBe('گروه بسته بندیها | میسازد');
	});
});

describe('Persian sort key', () => {
	it('orders names by the Persian alphabet, whatever keyboard typed them', () => {
		const names = ['یاسر', 'گلاره', 'کاوه', 'ژاله', 'چنگیز', 'پریسا', 'بهناز', 'آرش', 'مريم', 'Sara', 'زهرا', 'ليلا'];
		const sorted = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
		expect(sorted).toEqual(['Sara', 'آرش', 'بهناز', 'پریسا', 'چنگیز', 'زهرا', 'ژاله', 'کاوه', 'گلاره', 'ليلا', 'مريم', 'یاسر']);
	});
});

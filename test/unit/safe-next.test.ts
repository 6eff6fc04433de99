import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/lib/server/safe-next';

describe('safeNext', () => {
	it('follows same-origin paths, with their query and fragment', () => {
		expect(safeNext('/groups/abc?x=1')).toBe('/groups/abc?x=1');
		expect(safeNext('/meetings/m1#agenda')).toBe('/meetings/m1#agenda');
		expect(safeNext('/')).toBe('/');
	});
	it('refuses other origins, including the backslash form browsers read as //', () => {
		for (const next of ['//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example', 'evil', '', null, undefined])
			expect(safeNext(next)).toBe('/dashboard');
	});
	it('refuses TAB, CR and LF, which browsers drop to reveal //evil.example', () => {
		for (const next of ['/\t/evil.example', '/\r/evil.example', '/\n/evil.example', '/groups\r\nSet-Cookie: x=1', '/\u0000/x'])
			expect(safeNext(next)).toBe('/dashboard');
	});
	it('refuses a path that resolves to another origin once dot segments are removed', () => {
		expect(safeNext('/..//evil.example')).toBe('/dashboard');
		expect(safeNext('/./%2e%2e//evil.example')).toBe('/dashboard');
	});
	it('percent-encodes non-Latin-1 characters so the Location header stays valid', () => {
		const out = safeNext('/search?q=گروه#بخش');
		expect(out).toBe('/search?q=%DA%AF%D8%B1%D9%88%D9%87#%D8%A8%D8%AE%D8%B4');
		expect(() => new Headers({ location: out })).not.toThrow();
		expect(safeNext('/گروه')).toBe('/%DA%AF%D8%B1%D9%88%D9%87');
	});
	it('answers the dashboard for any odd value, never an error', () => {
		for (const next of ['/' + 'a'.repeat(5000), '/%', '/ x', '\u2028/x', '/\u0085x']) {
			expect(() => safeNext(next)).not.toThrow();
			expect(safeNext(next)).toMatch(/^\/(?![/\\])/);
		}
	});
});

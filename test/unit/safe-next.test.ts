import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/lib/server/cookies';

describe('safeNext', () => {
	it('follows same-site paths', () => {
		expect(safeNext('/groups/abc?x=1')).toBe('/groups/abc?x=1');
	});
	it('refuses other origins, including the backslash form browsers read as //', () => {
		for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'evil', '', null])
			expect(safeNext(next)).toBe('/dashboard');
	});
});

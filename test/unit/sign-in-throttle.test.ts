import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey } from '../../server/domain/sign-in-throttle';

describe('sign-in throttle', () => {
	it('is much looser per address than per account', () => {
		expect(ADDRESS_RULE.failures).toBeGreaterThanOrEqual(10 * ACCOUNT_RULE.failures);
	});
	it('treats emails case-insensitively', () => {
		expect(accountKey(' Member@Rahkar.Example ')).toBe(accountKey('member@rahkar.example'));
	});
});

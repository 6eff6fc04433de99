import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, afterFailure } from '../../server/domain/sign-in-throttle';

const t0 = new Date('2026-11-26T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('sign-in throttle', () => {
	it('locks an account on the fifth failure inside the window', () => {
		let state = null;
		for (let i = 0; i < 4; i++) {
			state = afterFailure(state, ACCOUNT_RULE, later(i * 1000));
			expect(state.lockedUntil).toBeNull();
		}
		state = afterFailure(state, ACCOUNT_RULE, later(5000));
		expect(state.lockedUntil?.getTime()).toBe(later(5000).getTime() + ACCOUNT_RULE.lockMs);
	});
	it('starts counting again after the window', () => {
		let state = afterFailure(null, ACCOUNT_RULE, t0);
		state = afterFailure(state, ACCOUNT_RULE, later(ACCOUNT_RULE.windowMs + 1));
		expect(state.failures).toBe(1);
	});
	it('is much looser per address than per account', () => {
		expect(ADDRESS_RULE.failures).toBeGreaterThanOrEqual(10 * ACCOUNT_RULE.failures);
	});
	it('treats emails case-insensitively', () => {
		expect(accountKey(' Member@Rahkar.Example ')).toBe(accountKey('member@rahkar.example'));
	});
});

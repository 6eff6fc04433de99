// A vote's result under each majority rule and the quorum, and what it decides. Pure.
import { describe, expect, it } from 'vitest';
import { decisionFor, voteResult } from '../../server/domain/proposals/voting-rules';

const q = (present: number, met = true) => ({ present, met });
const t = (yes: number, no: number, abstain = 0) => ({ yes, no, abstain });

describe('vote result', () => {
	it('decides nothing without a quorum, however the votes fell', () => {
		for (const rule of ['SIMPLE', 'ABSOLUTE', 'TWO_THIRDS'] as const) expect(voteResult(t(9, 0), q(9, false), rule)).toBe('NO_QUORUM');
	});

	it('SIMPLE: more yes than no; a tie fails; abstentions do not count', () => {
		expect(voteResult(t(3, 2, 5), q(10), 'SIMPLE')).toBe('PASSED');
		expect(voteResult(t(2, 2, 1), q(5), 'SIMPLE')).toBe('FAILED');
		expect(voteResult(t(0, 0, 4), q(4), 'SIMPLE')).toBe('FAILED');
	});

	it('ABSOLUTE: more yes than half of those present, so abstaining and not voting count against', () => {
		expect(voteResult(t(3, 2, 5), q(10), 'ABSOLUTE')).toBe('FAILED');
		expect(voteResult(t(6, 0, 0), q(10), 'ABSOLUTE')).toBe('PASSED');
		expect(voteResult(t(5, 0, 0), q(10), 'ABSOLUTE')).toBe('FAILED');
	});

	it('TWO_THIRDS: at least two thirds of the yes and no votes', () => {
		expect(voteResult(t(2, 1), q(3), 'TWO_THIRDS')).toBe('PASSED');
		expect(voteResult(t(3, 2), q(5), 'TWO_THIRDS')).toBe('FAILED');
		expect(voteResult(t(0, 0, 3), q(3), 'TWO_THIRDS')).toBe('FAILED');
	});

	it('approves on a pass, rejects on a fail, and leaves the proposal in review without a quorum', () => {
		expect(decisionFor('PASSED')).toBe('APPROVED');
		expect(decisionFor('FAILED')).toBe('REJECTED');
		expect(decisionFor('NO_QUORUM')).toBeNull();
	});
});

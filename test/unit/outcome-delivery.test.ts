// An outcome is delivered only when its milestones are: delivering at 50 % used to be
// allowed and then showed 100 % overall above a milestone at 0 %.
import { describe, expect, it } from 'vitest';
import { deliveryBlocker, overallProgress } from '../../server/domain/proposals/outcomes';

describe('delivering an outcome', () => {
	it('waits until every milestone is at 100 %', () => {
		expect(deliveryBlocker([{ progress: 100 }, { progress: 50 }])).toBe('milestones_open');
		expect(deliveryBlocker([{ progress: 0 }])).toBe('milestones_open');
		expect(deliveryBlocker([{ progress: 100 }, { progress: 100 }])).toBeNull();
		expect(deliveryBlocker([])).toBeNull();
	});

	it('never shows more overall progress than its milestones have', () => {
		expect(overallProgress([{ progress: 100 }, { progress: 0 }], true)).toBe(50);
		expect(overallProgress([{ progress: 100 }, { progress: 100 }], true)).toBe(100);
	});
});

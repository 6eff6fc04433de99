// Only the owner, the group's moderator or an administrator change an item; only
// moderators and administrators make or edit one.
import { describe, expect, it } from 'vitest';
import { accessFor } from '../../server/domain/access';
import { canChangeItem, canCreateItems } from '../../server/domain/action-items/access';
import { NEXT_STATUSES, canMove, ACTION_STATUSES } from '../../shared/action-items';

const item = { ownerPersonId: 'p-owner' };
const seat = (role: 'MODERATOR' | 'MEMBER' | 'EXECUTOR' | 'OBSERVER') => ({ role, side: 'EXECUTOR' as const });

describe('who changes an item', () => {
	it('lets its owner change it, whatever their seat', () => {
		for (const role of ['MEMBER', 'EXECUTOR', 'OBSERVER'] as const) {
			expect(canChangeItem({ personId: 'p-owner' }, accessFor('g', false, seat(role)), item)).toBe(true);
		}
	});

	it("lets the group's moderator and any administrator change anyone's item", () => {
		expect(canChangeItem({ personId: 'p-mod' }, accessFor('g', false, seat('MODERATOR')), item)).toBe(true);
		expect(canChangeItem({ personId: null }, accessFor('g', true, null), item)).toBe(true);
	});

	it('refuses other members, executors, observers and people without a person record', () => {
		for (const role of ['MEMBER', 'EXECUTOR', 'OBSERVER'] as const) {
			expect(canChangeItem({ personId: 'p-other' }, accessFor('g', false, seat(role)), item)).toBe(false);
		}
		expect(canChangeItem({ personId: null }, accessFor('g', false, seat('MEMBER')), item)).toBe(false);
	});

	it('lets only moderators and administrators make items', () => {
		expect(canCreateItems(accessFor('g', false, seat('MODERATOR')))).toBe(true);
		expect(canCreateItems(accessFor('g', true, null))).toBe(true);
		for (const role of ['MEMBER', 'EXECUTOR', 'OBSERVER'] as const) expect(canCreateItems(accessFor('g', false, seat(role)))).toBe(false);
	});
});

describe('status moves', () => {
	it('goes open → in progress → blocked → done, stalls and resumes, and reopens from done', () => {
		expect(canMove('OPEN', 'IN_PROGRESS')).toBe(true);
		expect(canMove('IN_PROGRESS', 'BLOCKED')).toBe(true);
		expect(canMove('BLOCKED', 'IN_PROGRESS')).toBe(true);
		expect(canMove('BLOCKED', 'DONE')).toBe(true);
		expect(canMove('DONE', 'IN_PROGRESS')).toBe(true);
		expect(canMove('DONE', 'BLOCKED')).toBe(false);
		expect(canMove('DONE', 'OPEN')).toBe(false);
		for (const s of ACTION_STATUSES) expect(NEXT_STATUSES[s]).not.toContain(s);
	});
});

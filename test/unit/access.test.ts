import { describe, expect, it } from 'vitest';
import { accessFor } from '../../server/domain/access';

describe('group access rules', () => {
	it('lets moderators read, edit and drive', () => {
		expect(accessFor('g', false, { role: 'MODERATOR', side: 'EXPERT' })).toMatchObject({ canRead: true, canEdit: true, canModerate: true });
	});
	it('lets members and executors edit but not drive', () => {
		for (const role of ['MEMBER', 'EXECUTOR'] as const) {
			expect(accessFor('g', false, { role, side: 'MEDIA' })).toMatchObject({ canRead: true, canEdit: true, canModerate: false });
		}
	});
	it('lets observers only read', () => {
		expect(accessFor('g', false, { role: 'OBSERVER', side: 'MEDIA' })).toMatchObject({ canRead: true, canEdit: false, canModerate: false });
	});
	it('gives strangers nothing', () => {
		expect(accessFor('g', false, null)).toMatchObject({ canRead: false, canEdit: false, canModerate: false });
	});
	it('gives administrators every right without a seat', () => {
		expect(accessFor('g', true, null)).toMatchObject({ canRead: true, canEdit: true, canModerate: true, role: null });
	});
});

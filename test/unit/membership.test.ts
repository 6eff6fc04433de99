// Seats in a group: who may seat whom, on which side, with which role; and finding members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor } from '../../server/domain/access';
import { candidatesForSide, changeSeat, removeSeat, seatChangeAllowed, seatMember } from '../../server/domain/membership';
import { createGroup, updateGroup } from '../../server/domain/group-admin';
import { groupDetail } from '../../server/domain/groups';
import { databankFixture, type Fixture } from '../support/databank-fixture';

describe('seatChangeAllowed', () => {
	const mod = accessFor('g', false, { role: 'MODERATOR', side: 'EXPERT' });
	const member = accessFor('g', false, { role: 'MEMBER', side: 'EXPERT' });
	const observer = accessFor('g', false, { role: 'OBSERVER', side: 'MEDIA' });
	const admin = accessFor('g', true, null);
	it('lets moderators seat, move and remove members, executors and observers', () => {
		expect(seatChangeAllowed(mod, false, null, 'MEMBER')).toBe(true);
		expect(seatChangeAllowed(mod, false, 'MEMBER', 'EXECUTOR')).toBe(true);
		expect(seatChangeAllowed(mod, false, 'OBSERVER', null)).toBe(true);
	});
	it('keeps appointing and removing moderators to administrators', () => {
		expect(seatChangeAllowed(mod, false, null, 'MODERATOR')).toBe(false);
		expect(seatChangeAllowed(mod, false, 'MODERATOR', 'MEMBER')).toBe(false);
		expect(seatChangeAllowed(mod, false, 'MODERATOR', null)).toBe(false);
		expect(seatChangeAllowed(admin, true, null, 'MODERATOR')).toBe(true);
		expect(seatChangeAllowed(admin, true, 'MODERATOR', null)).toBe(true);
	});
	it('gives members and observers no say over seats', () => {
		for (const a of [member, observer]) expect(seatChangeAllowed(a, false, null, 'MEMBER')).toBe(false);
	});
});

describe('membership in the databank', () => {
	let f: Fixture;
	const p: Record<string, string> = {};
	beforeAll(async () => {
		f = await databankFixture();
		const crafts = f.fields['صنایع دستی'];
		p.journalist = await f.person({ name: 'خبرنگار صنایع دستی', roles: ['MEDIA'], fieldIds: [crafts], districtId: f.districts.d1 });
		p.journalistFar = await f.person({ name: 'خبرنگار دیگر', roles: ['MEDIA'], fieldIds: [crafts], districtId: f.districts.d2 });
		p.tourismJournalist = await f.person({ name: 'خبرنگار گردشگری', roles: ['MEDIA'], fieldIds: [f.fields['گردشگری']] });
		p.shyJournalist = await f.person({ name: 'خبرنگار بی‌رضایت', roles: ['MEDIA'], fieldIds: [crafts], consent: false });
		p.lawyer = await f.person({ name: 'وکیل', roles: ['LEGAL'], fieldIds: [crafts] });
		p.archived = await f.person({ name: 'بایگانی', roles: ['MEDIA'], fieldIds: [crafts] });
		await f.db.person.update({ where: { id: p.archived }, data: { archivedAt: new Date() } });
		await f.db.group.update({ where: { id: f.groupId }, data: { districtId: f.districts.d1 } });
	});
	afterAll(() => f.dispose());

	it('lets a moderator seat someone from the databank on a side, move and remove them', async () => {
		await seatMember(f.db, f.actors.moderator, f.groupId, { personId: p.lawyer, side: 'LEGAL', role: 'MEMBER' });
		let g = await groupDetail(f.db, f.actors.moderator, f.groupId);
		expect(g.sides.LEGAL.map((s) => s.personId)).toEqual([p.lawyer]);
		await changeSeat(f.db, f.actors.moderator, f.groupId, { personId: p.lawyer, side: 'EXECUTOR', role: 'EXECUTOR' });
		g = await groupDetail(f.db, f.actors.moderator, f.groupId);
		expect(g.sides.EXECUTOR).toEqual([{ personId: p.lawyer, name: 'وکیل', role: 'EXECUTOR' }]);
		await removeSeat(f.db, f.actors.moderator, f.groupId, p.lawyer);
		g = await groupDetail(f.db, f.actors.moderator, f.groupId);
		expect(g.sides.EXECUTOR).toEqual([]);
	});
	it('refuses a second seat for one person, and seats for archived people', async () => {
		await seatMember(f.db, f.actors.admin, f.groupId, { personId: p.lawyer, side: 'LEGAL' });
		await expect(seatMember(f.db, f.actors.admin, f.groupId, { personId: p.lawyer, side: 'MEDIA' })).rejects.toMatchObject({
			code: 'CONFLICT',
			fields: { personId: 'already_seated' }
		});
		await expect(seatMember(f.db, f.actors.admin, f.groupId, { personId: p.archived, side: 'MEDIA' })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		await removeSeat(f.db, f.actors.admin, f.groupId, p.lawyer);
	});
	it('keeps moderators to administrators, and members, observers and strangers out', async () => {
		await expect(
			seatMember(f.db, f.actors.moderator, f.groupId, { personId: p.lawyer, side: 'LEGAL', role: 'MODERATOR' })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(removeSeat(f.db, f.actors.moderator, f.groupId, f.actors.moderator.personId!)).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(seatMember(f.db, f.actors.member, f.groupId, { personId: p.lawyer, side: 'LEGAL' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(seatMember(f.db, f.actors.observer, f.groupId, { personId: p.lawyer, side: 'LEGAL' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(seatMember(f.db, f.actors.stranger, f.groupId, { personId: p.lawyer, side: 'LEGAL' })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await seatMember(f.db, f.actors.admin, f.groupId, { personId: p.lawyer, side: 'LEGAL', role: 'MODERATOR' });
		await removeSeat(f.db, f.actors.admin, f.groupId, p.lawyer);
	});
	it('rejects an unknown side', async () => {
		await expect(seatMember(f.db, f.actors.admin, f.groupId, { personId: p.lawyer, side: 'PRESS' as never })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { side: 'required' }
		});
	});
	it('finds members for an empty side among consenting people in the group’s fields, in its district first', async () => {
		const found = await candidatesForSide(f.db, f.actors.moderator, f.groupId, 'MEDIA');
		expect(found.map((c) => c.id)).toEqual([p.journalist, p.journalistFar]);
		expect(found[0]).toMatchObject({ shared: 1, inScope: true, fields: ['صنایع دستی'] });
		const byName = await candidatesForSide(f.db, f.actors.moderator, f.groupId, 'MEDIA', { q: 'گردشگري' });
		expect(byName.map((c) => c.id)).toEqual([p.tourismJournalist]);
		await expect(candidatesForSide(f.db, f.actors.member, f.groupId, 'MEDIA')).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
	it('lets administrators, and only them, create and edit groups with fields and a district scope', async () => {
		const input = { name: 'کارگروه تازه', subject: 'پوشاک', districtId: f.districts.d2, fieldIds: [f.fields['طراحی']], cadenceDays: '15' };
		await expect(createGroup(f.db, f.actors.moderator, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const { id } = await createGroup(f.db, f.actors.admin, input);
		await expect(createGroup(f.db, f.actors.admin, { ...input, name: ' ', cadenceDays: 0 })).rejects.toMatchObject({
			fields: { name: 'required', cadenceDays: 'invalid' }
		});
		await updateGroup(f.db, f.actors.admin, id, { ...input, districtId: '', cadenceDays: 14 });
		const g = await groupDetail(f.db, f.actors.admin, id);
		expect(g).toMatchObject({ subject: 'پوشاک', district: null, cadenceDays: 14, fields: [{ name: 'طراحی', kind: 'SKILL' }] });
		expect(Object.values(g.sides).flat()).toEqual([]);
	});
});

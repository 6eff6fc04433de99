// People in the databank: validation, duplicates, merge, archive, and introductions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	backfillPersonKeys,
	createPerson,
	mergePeople,
	personProfile,
	setPersonArchived,
	updatePerson
} from '../../server/domain/databank/people';
import { canMove, introduce, setIntroductionStatus } from '../../server/domain/databank/introductions';
import { searchPeople } from '../../server/domain/databank/search';
import { createField } from '../../server/domain/databank/classification';
import { databankFixture, type Fixture } from '../support/databank-fixture';

let f: Fixture;
beforeAll(async () => {
	f = await databankFixture();
});
afterAll(() => f.dispose());

describe('people', () => {
	it('validates input field by field', async () => {
		await expect(
			createPerson(f.db, f.actors.admin, { name: '', email: 'nope', phone: 'abc', roles: ['WIZARD' as never] })
		).rejects.toMatchObject({
			code: 'INVALID',
			fields: { name: 'required', email: 'invalid_email', phone: 'invalid_phone', roles: 'invalid' }
		});
		await expect(createPerson(f.db, f.actors.admin, { name: 'x', districtId: 'not-ours' })).rejects.toMatchObject({
			fields: { districtId: 'unknown' }
		});
	});
	it('refuses a second person with the same email, in any case', async () => {
		await f.person({ name: 'یکی', email: 'one@example.org' });
		await expect(f.person({ name: 'دیگری', email: 'ONE@example.org' })).rejects.toMatchObject({
			code: 'CONFLICT',
			fields: { email: 'taken' }
		});
	});
	it('lets only administrators create and edit', async () => {
		await expect(createPerson(f.db, f.actors.moderator, { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(createPerson(f.db, f.actors.stranger, { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
	it('keeps the search column in step with edits', async () => {
		const id = await f.person({ name: 'نام قدیم' });
		await updatePerson(f.db, f.actors.admin, id, { name: 'نام جديد', phone: '۰۹۳۵۱۱۱۲۲۳۳', consent: true });
		expect((await searchPeople(f.db, f.actors.admin, { q: 'نام جدید' })).items.map((p) => p.id)).toEqual([id]);
		expect((await searchPeople(f.db, f.actors.admin, { q: '09351112233' })).total).toBe(1);
		expect((await searchPeople(f.db, f.actors.admin, { q: 'قدیم' })).total).toBe(0);
	});
	it('finds text through the trigram index in step with every change, short searches too', async () => {
		const found = async (q: string) => (await searchPeople(f.db, f.actors.admin, { q, pageSize: 100 })).items.map((p) => p.id);
		const id = await f.person({ name: 'کیمیا ساعدی', phone: '09121234567' });
		expect(await found('کیمیا ساع')).toEqual([id]);
		expect(await found('کی')).toContain(id); // shorter than a trigram: the index scans, still right
		expect(await found('1234')).toEqual([id]);
		await updatePerson(f.db, f.actors.admin, id, { name: 'کیمیا ساعدی‌فر', phone: '09127654321', consent: true });
		expect(await found('1234')).toEqual([]);
		expect(await found('ساعدی‌فر')).toEqual([id]);
		await f.db.person.delete({ where: { id } });
		expect(await found('ساعدی‌فر')).toEqual([]);
		const keys = await f.db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT count(*) AS n FROM "PersonTextKey" WHERE "personId" = ?', id);
		expect(Number(keys[0].n)).toBe(0);
	});
	it('archives without deleting: gone from searches and suggestions, still there for the record', async () => {
		const id = await f.person({ name: 'بایگانی‌شونده' });
		await setPersonArchived(f.db, f.actors.admin, id, true);
		expect((await searchPeople(f.db, f.actors.admin, { q: 'بایگانی' })).total).toBe(0);
		expect((await searchPeople(f.db, f.actors.admin, { q: 'بایگانی', archived: 'archived' })).total).toBe(1);
		expect(await f.db.person.count({ where: { id } })).toBe(1);
		await setPersonArchived(f.db, f.actors.admin, id, false);
		expect((await searchPeople(f.db, f.actors.admin, { q: 'بایگانی' })).total).toBe(1);
	});
	it('merges a duplicate: seats, fields, introductions and blanks move over; the duplicate stays, archived', async () => {
		const keep = await f.person({ name: 'حسن محمدی', roles: ['EXPERT'], fieldIds: [f.fields['طراحی']] });
		const dup = await f.person({
			name: 'حسن محمدي',
			email: 'hasan@example.org',
			phone: '09120001122',
			roles: ['MEDIA'],
			fieldIds: [f.fields['گردشگری']]
		});
		const other = await f.person({ name: 'دیگری برای معرفی' });
		await f.db.membership.create({ data: { groupId: f.groupId, personId: dup, side: 'MEDIA' } });
		await introduce(f.db, f.actors.admin, { personId: dup, toPersonId: other });
		await introduce(f.db, f.actors.admin, { personId: keep, toPersonId: dup });

		const profile = await personProfile(f.db, f.actors.admin, keep);
		expect(profile.duplicates?.map((d) => d.id)).toEqual([dup]);
		await mergePeople(f.db, f.actors.admin, keep, dup);

		const kept = await personProfile(f.db, f.actors.admin, keep);
		expect(kept.person).toMatchObject({
			email: 'hasan@example.org',
			phone: '09120001122',
			roles: expect.arrayContaining(['EXPERT', 'MEDIA'])
		});
		expect(kept.person.fields.map((x) => x.name).sort()).toEqual(['طراحی', 'گردشگری'].sort());
		expect(kept.seats).toEqual([expect.objectContaining({ groupId: f.groupId, side: 'MEDIA' })]);
		expect(kept.introductions?.map((i) => i.other.id)).toEqual([other]);
		expect(kept.duplicates).toEqual([]);
		const gone = await personProfile(f.db, f.actors.admin, dup);
		expect(gone.person).toMatchObject({ archived: true, mergedIntoId: keep, email: null });
		expect(gone.mergedInto).toEqual({ id: keep, name: 'حسن محمدی' });
		await expect(setPersonArchived(f.db, f.actors.admin, dup, false)).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(mergePeople(f.db, f.actors.admin, keep, keep)).rejects.toMatchObject({ code: 'INVALID' });
	});
	it('moves the work with a merged person: action items, outcomes they execute, and proposal links', async () => {
		const keep = await f.person({ name: 'زهرا کریمی' });
		const dup = await f.person({ name: 'زهرا كريمي' });
		const proposal = await f.db.proposal.create({ data: { groupId: f.groupId, title: 'بازارچه' } });
		const other = await f.db.proposal.create({ data: { groupId: f.groupId, title: 'کارگاه' } });
		await f.db.proposalPerson.createMany({
			data: [
				{ proposalId: proposal.id, personId: keep, role: 'EXPERT' },
				{ proposalId: proposal.id, personId: dup, role: 'EXPERT' },
				{ proposalId: other.id, personId: dup, role: 'CAPITAL_OWNER' }
			]
		});
		const outcome = await f.db.outcome.create({
			data: { proposalId: proposal.id, groupId: f.groupId, kind: 'SERVICE', title: 'بازارچه', executorPersonId: dup }
		});
		const item = await f.db.actionItem.create({
			data: { groupId: f.groupId, title: 'تماس با شهرداری', ownerPersonId: dup, dueDate: '2026-12-01' }
		});

		await mergePeople(f.db, f.actors.admin, keep, dup);

		expect(await f.db.actionItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ ownerPersonId: keep });
		expect(await f.db.outcome.findUniqueOrThrow({ where: { id: outcome.id } })).toMatchObject({ executorPersonId: keep });
		const links = await f.db.proposalPerson.findMany({ where: { personId: { in: [keep, dup] } }, orderBy: { role: 'asc' } });
		expect(links.map((l) => [l.proposalId, l.personId, l.role]).sort()).toEqual(
			[
				[proposal.id, keep, 'EXPERT'],
				[other.id, keep, 'CAPITAL_OWNER']
			].sort()
		);
	});
	it('merges a duplicate named by its email, whatever its spelling', async () => {
		const keep = await f.person({ name: 'علی رضایی' });
		const dup = await f.person({ name: 'Ali Rezaei', email: 'ali.r@example.org' });
		expect((await personProfile(f.db, f.actors.admin, keep)).duplicates).toEqual([]);
		await expect(mergePeople(f.db, f.actors.admin, keep, 'nobody@example.org')).rejects.toMatchObject({
			code: 'INVALID',
			fields: { duplicateId: 'unknown' }
		});
		await mergePeople(f.db, f.actors.admin, keep, ' ALI.R@example.org ');
		expect((await personProfile(f.db, f.actors.admin, dup)).person).toMatchObject({ mergedIntoId: keep });
		expect((await personProfile(f.db, f.actors.admin, keep)).person).toMatchObject({ email: 'ali.r@example.org' });
	});

	it('fills search and sort keys for people written without them, once', async () => {
		const { id } = await f.db.person.create({ data: { organisationId: f.organisationId, name: 'كاوه قديمي', consent: true } });
		expect((await searchPeople(f.db, f.actors.admin, { q: 'کاوه' })).total).toBe(0);
		expect(await backfillPersonKeys(f.db)).toBeGreaterThanOrEqual(1);
		expect((await searchPeople(f.db, f.actors.admin, { q: 'کاوه' })).items.map((p) => p.id)).toEqual([id]);
		expect(await backfillPersonKeys(f.db)).toBe(0);
	});

	it('keeps classification names unique once normalised', async () => {
		await expect(createField(f.db, f.actors.admin, { kind: 'SKILL', name: 'طراحي' })).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(createField(f.db, f.actors.moderator, { kind: 'SKILL', name: 'چیز تازه' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('introductions', () => {
	it('moves proposed → accepted → working together, or to declined, and nowhere else', () => {
		expect(canMove('PROPOSED', 'ACCEPTED')).toBe(true);
		expect(canMove('ACCEPTED', 'WORKING')).toBe(true);
		expect(canMove('PROPOSED', 'DECLINED')).toBe(true);
		expect(canMove('PROPOSED', 'WORKING')).toBe(false);
		expect(canMove('DECLINED', 'ACCEPTED')).toBe(false);
		expect(canMove('WORKING', 'DECLINED')).toBe(false);
	});
	it('records who introduced whom, every status with who and when, on both profiles', async () => {
		const a = await f.person({ name: 'الف' });
		const b = await f.person({ name: 'ب' });
		const { id } = await introduce(f.db, f.actors.moderator, { personId: a, toPersonId: b, note: 'هر دو در صنایع دستی' });
		await expect(introduce(f.db, f.actors.admin, { personId: b, toPersonId: a })).rejects.toMatchObject({
			code: 'CONFLICT',
			fields: { toPersonId: 'already' }
		});
		await setIntroductionStatus(f.db, f.actors.admin, id, 'ACCEPTED');
		await expect(setIntroductionStatus(f.db, f.actors.admin, id, 'PROPOSED')).rejects.toMatchObject({ code: 'CONFLICT' });
		await setIntroductionStatus(f.db, f.actors.moderator, id, 'WORKING');
		const fromA = (await personProfile(f.db, f.actors.admin, a)).introductions!;
		const fromB = (await personProfile(f.db, f.actors.admin, b)).introductions!;
		expect(fromA[0]).toMatchObject({
			id,
			direction: 'to',
			other: { id: b },
			status: 'WORKING',
			by: 'moderator',
			note: 'هر دو در صنایع دستی'
		});
		expect(fromB[0]).toMatchObject({ id, direction: 'from', other: { id: a } });
		expect(fromA[0].history.map((h) => [h.status, h.by])).toEqual([
			['PROPOSED', 'moderator'],
			['ACCEPTED', 'admin'],
			['WORKING', 'moderator']
		]);
	});
	it('only introduces people who consented, and only administrators and moderators introduce', async () => {
		const a = await f.person({ name: 'ج' });
		const shy = await f.person({ name: 'د', consent: false });
		await expect(introduce(f.db, f.actors.admin, { personId: a, toPersonId: shy })).rejects.toMatchObject({
			code: 'CONFLICT',
			fields: { toPersonId: 'no_consent' }
		});
		const b = await f.person({ name: 'ه' });
		await expect(introduce(f.db, f.actors.member, { personId: a, toPersonId: b })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(introduce(f.db, f.actors.observer, { personId: a, toPersonId: b })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

// Who sees what in the databank: the pure rules, then the same rules through search and profiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	allowedCriteria,
	hasDetails,
	levelFor,
	mayView,
	rightsFor,
	viewPerson,
	type PersonRecord
} from '../../server/domain/databank/access';
import { searchPeople } from '../../server/domain/databank/search';
import { personProfile } from '../../server/domain/databank/people';
import { DomainError } from '../../server/domain/errors';
import { databankFixture, type Fixture } from '../support/databank-fixture';

const record: PersonRecord = {
	id: 'p1',
	name: 'مریم احمدی',
	email: 'maryam@example.org',
	phone: '09120000000',
	bio: 'طراح',
	consent: true,
	archivedAt: null,
	mergedIntoId: null,
	district: { id: 'd', name: 'منطقه ۱' },
	fields: [{ field: { id: 'f', name: 'طراحی', kind: 'SKILL' } }],
	roles: [{ role: 'CAPITAL_OWNER' }],
	exchanges: [
		{ direction: 'OFFER', kind: 'CAPITAL' },
		{ direction: 'SEEK', kind: 'IDEA' }
	]
};

describe('databank levels', () => {
	it('gives administrators everything, moderators contacts, any other seat the directory, others nothing', () => {
		expect(levelFor(true, [])).toBe('admin');
		expect(levelFor(false, ['MEMBER', 'MODERATOR'])).toBe('contacts');
		for (const role of ['MEMBER', 'EXECUTOR', 'OBSERVER'] as const) expect(levelFor(false, [role])).toBe('directory');
		expect(levelFor(false, [])).toBe('none');
	});
	it('lets only administrators manage, and administrators and moderators link', () => {
		expect(rightsFor('admin')).toMatchObject({ read: true, seeDetails: true, link: true, manage: true });
		expect(rightsFor('contacts')).toMatchObject({ read: true, seeDetails: true, link: true, manage: false });
		expect(rightsFor('directory')).toMatchObject({ read: true, seeDetails: false, link: false, manage: false });
		expect(rightsFor('none')).toMatchObject({ read: false, seeDetails: false, link: false, manage: false });
	});
});

describe('what a reader sees of a person', () => {
	it('shows administrators and moderators contact details', () => {
		for (const level of ['admin', 'contacts'] as const) {
			const v = viewPerson(rightsFor(level), record);
			expect(hasDetails(v) && v.email).toBe('maryam@example.org');
			expect(hasDetails(v) && v.phone).toBe('09120000000');
		}
	});
	it('shows members names, fields, offers and seeks, and nothing else', () => {
		const v = viewPerson(rightsFor('directory'), record);
		expect(v).toEqual({
			id: 'p1',
			name: 'مریم احمدی',
			fields: [{ id: 'f', name: 'طراحی', kind: 'SKILL' }],
			offers: ['CAPITAL'],
			seeks: ['IDEA']
		});
		expect(JSON.stringify(v)).not.toMatch(/maryam|0912|منطقه|CAPITAL_OWNER|طراح"/);
	});
	it('hides people who did not consent, and archived people, from members', () => {
		const directory = rightsFor('directory');
		expect(mayView(directory, { consent: false, archivedAt: null })).toBe(false);
		expect(mayView(directory, { consent: true, archivedAt: new Date() })).toBe(false);
		expect(mayView(rightsFor('contacts'), { consent: false, archivedAt: null })).toBe(true);
		expect(mayView(rightsFor('none'), { consent: true, archivedAt: null })).toBe(false);
	});
	it('does not let members filter by what they may not see', () => {
		expect(allowedCriteria(rightsFor('directory'))).toEqual({
			textColumn: 'nameKey',
			byDistrict: false,
			byRole: false,
			includeArchived: false,
			onlyConsenting: true
		});
		expect(allowedCriteria(rightsFor('contacts')).textColumn).toBe('searchText');
	});
});

describe('privacy through search and profiles', () => {
	let f: Fixture;
	let open: string;
	let shy: string;
	beforeAll(async () => {
		f = await databankFixture();
		open = await f.person({
			name: 'علی رضایی',
			email: 'ali@example.org',
			phone: '09121112233',
			districtId: f.districts.d1,
			roles: ['EXPERT']
		});
		shy = await f.person({ name: 'علی شاکری', email: 'shy@example.org', consent: false });
	});
	afterAll(() => f.dispose());

	it('lets a moderator find people by phone and see their email', async () => {
		const r = await searchPeople(f.db, f.actors.moderator, { q: '۰۹۱۲۱۱۱' });
		expect(r.items.map((p) => p.id)).toEqual([open]);
		expect(hasDetails(r.items[0]) && r.items[0].email).toBe('ali@example.org');
	});
	it('gives a member and an observer names only, never by contact details, never the non-consenting', async () => {
		for (const who of ['member', 'observer'] as const) {
			const byName = await searchPeople(f.db, f.actors[who], { q: 'علي' });
			expect(byName.items.map((p) => p.id)).toEqual([open]);
			expect(hasDetails(byName.items[0])).toBe(false);
			expect((await searchPeople(f.db, f.actors[who], { q: '09121112233' })).total).toBe(0);
			expect((await searchPeople(f.db, f.actors[who], { q: 'shy@' })).total).toBe(0);
			// A district filter would reveal districts: it is dropped, not applied.
			expect((await searchPeople(f.db, f.actors[who], { districtId: f.districts.d2 })).query.districtId).toBeNull();
			await expect(personProfile(f.db, f.actors[who], shy)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
	});
	it('tells a user with no seat nothing', async () => {
		await expect(searchPeople(f.db, f.actors.stranger, {})).rejects.toBeInstanceOf(DomainError);
		await expect(personProfile(f.db, f.actors.stranger, open)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
	it('shows the profile with contacts to a moderator and without to a member', async () => {
		const mod = await personProfile(f.db, f.actors.moderator, open);
		expect(hasDetails(mod.person)).toBe(true);
		expect(mod.introductions).toEqual([]);
		const mem = await personProfile(f.db, f.actors.member, open);
		expect(hasDetails(mem.person)).toBe(false);
		expect(mem.introductions).toBeUndefined();
		expect(mem.seats).toBeUndefined();
	});
});

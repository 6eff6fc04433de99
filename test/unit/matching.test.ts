// Linking ideas, capital and skills: the pure score, then suggestions from the databank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effective, scoreMatch, suggestForIdea, suggestForPerson, type MatchProfile } from '../../server/domain/databank/suggestions';
import { databankFixture, type Fixture } from '../support/databank-fixture';

const names = { field: (id: string) => `field:${id}`, district: (id: string) => `district:${id}` };
const profile = (p: Partial<MatchProfile>): MatchProfile => ({
	id: Math.random().toString(36),
	fieldIds: [],
	districtId: null,
	roles: [],
	offers: [],
	seeks: [],
	...p
});

describe('scoreMatch', () => {
	const idea = profile({ roles: ['IDEA_OWNER'], fieldIds: ['crafts'], districtId: 'd1' });

	it('derives offers and seeks from roles', () => {
		expect(effective({ roles: ['IDEA_OWNER'], offers: [], seeks: [] })).toEqual({
			offers: new Set(['IDEA']),
			seeks: new Set(['CAPITAL', 'SKILLS'])
		});
	});
	it('matches an idea owner with capital in the idea’s field, and says why', () => {
		const investor = profile({ roles: ['CAPITAL_OWNER'], fieldIds: ['crafts', 'food'] });
		const s = scoreMatch(idea, investor, names)!;
		expect(s.reasons).toEqual([
			{ code: 'offers', kind: 'CAPITAL' },
			{ code: 'seeks', kind: 'IDEA' },
			{ code: 'fields', names: ['field:crafts'] }
		]);
	});
	it('does not match capital or skills outside the idea’s fields', () => {
		expect(scoreMatch(idea, profile({ roles: ['CAPITAL_OWNER'], fieldIds: ['tourism'] }), names)).toBeNull();
		expect(scoreMatch(idea, profile({ roles: ['EXPERT'], fieldIds: ['tourism'] }), names)).toBeNull();
	});
	it('does not match people who have nothing the other needs', () => {
		expect(scoreMatch(idea, profile({ roles: ['MEDIA'], fieldIds: ['crafts'] }), names)).toBeNull();
		expect(scoreMatch(idea, profile({ roles: ['IDEA_OWNER'], fieldIds: ['crafts'] }), names)).toBeNull();
	});
	it('ranks capital and expertise together above either, and the same district higher', () => {
		const both = scoreMatch(idea, profile({ roles: ['CAPITAL_OWNER', 'EXPERT'], fieldIds: ['crafts'] }), names)!;
		const capital = scoreMatch(idea, profile({ roles: ['CAPITAL_OWNER'], fieldIds: ['crafts'] }), names)!;
		const near = scoreMatch(idea, profile({ roles: ['CAPITAL_OWNER'], fieldIds: ['crafts'], districtId: 'd1' }), names)!;
		expect(both.score).toBeGreaterThan(capital.score);
		expect(near.score).toBeGreaterThan(capital.score);
		expect(near.reasons).toContainEqual({ code: 'district', name: 'district:d1' });
	});
	it('matches a job seeker by district even without a shared skill', () => {
		const seeker = profile({ roles: ['JOB_SEEKER'], fieldIds: ['design'], districtId: 'd2' });
		const employer = profile({ roles: ['ENTREPRENEUR'], fieldIds: ['food'], districtId: 'd2' });
		expect(scoreMatch(seeker, employer, names)?.reasons).toContainEqual({ code: 'offers', kind: 'JOB' });
		expect(scoreMatch(seeker, { ...employer, districtId: 'd3' }, names)).toBeNull();
	});
	it('never suggests the subject to itself', () => {
		expect(scoreMatch(idea, { ...idea, roles: ['CAPITAL_OWNER'] }, names)).toBeNull();
	});
});

describe('suggestions from the databank', () => {
	let f: Fixture;
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		f = await databankFixture();
		const crafts = f.fields['صنایع دستی'];
		const design = f.fields['طراحی'];
		ids.idea = await f.person({ name: 'صاحب ایده', roles: ['IDEA_OWNER'], fieldIds: [crafts], districtId: f.districts.d1 });
		ids.investorNear = await f.person({
			name: 'سرمایه‌گذار نزدیک',
			roles: ['CAPITAL_OWNER'],
			fieldIds: [crafts],
			districtId: f.districts.d1
		});
		ids.investorFar = await f.person({ name: 'سرمایه‌گذار دور', roles: ['CAPITAL_OWNER'], fieldIds: [crafts], districtId: f.districts.d2 });
		ids.investorShy = await f.person({ name: 'سرمایه‌گذار بی‌رضایت', roles: ['CAPITAL_OWNER'], fieldIds: [crafts], consent: false });
		ids.expert = await f.person({ name: 'کارشناس', roles: ['EXPERT'], fieldIds: [crafts, design], districtId: f.districts.d3 });
		ids.otherField = await f.person({ name: 'سرمایه‌گذار گردشگری', roles: ['CAPITAL_OWNER'], fieldIds: [f.fields['گردشگری']] });
		ids.archived = await f.person({ name: 'کارشناس بایگانی', roles: ['EXPERT'], fieldIds: [crafts] });
		await f.db.person.update({ where: { id: ids.archived }, data: { archivedAt: new Date() } });
	});
	afterAll(() => f.dispose());

	it('suggests capital and expertise in the field, nearest first, only consenting and active people', async () => {
		const s = await suggestForPerson(f.db, f.actors.moderator, ids.idea);
		const got = s.map((x) => x.person.id);
		expect(got).toContain(ids.investorNear);
		expect(got).toContain(ids.investorFar);
		expect(got).toContain(ids.expert);
		expect(got.indexOf(ids.investorNear)).toBeLessThan(got.indexOf(ids.investorFar));
		for (const excluded of [ids.investorShy, ids.otherField, ids.archived, ids.idea]) expect(got).not.toContain(excluded);
		expect(s[0].reasons[0]).toEqual({ code: 'offers', kind: 'CAPITAL' });
	});
	it('suggests for an idea described by its fields: what it seeks first, then those who seek ideas', async () => {
		const s = await suggestForIdea(f.db, f.actors.admin, { fieldIds: [f.fields['صنایع دستی']], seeks: ['SKILLS'] });
		expect(s[0].person.id).toBe(ids.expert);
		expect(s[0].reasons).toEqual([
			{ code: 'offers', kind: 'SKILLS' },
			{ code: 'fields', names: ['صنایع دستی'] }
		]);
		expect(s.slice(1).map((x) => x.reasons[0])).toEqual([
			{ code: 'seeks', kind: 'IDEA' },
			{ code: 'seeks', kind: 'IDEA' }
		]);
	});
	it('is for administrators and moderators only', async () => {
		await expect(suggestForPerson(f.db, f.actors.member, ids.idea)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(suggestForPerson(f.db, f.actors.stranger, ids.idea)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

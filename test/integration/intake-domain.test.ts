// Intake's rules against a real (seeded) database: district scoping, consent as recorded, the
// public form's defences and limit, tracking codes and the public status, triage steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { intakeFormKey, publicIntakeStatus, registerAtDesk, submitPublicIntake } from '../../server/domain/intake/intake';
import { intakeForTriage, intakeQueue, registerPersonFromIntake, triageIntake } from '../../server/domain/intake/queue';
import { setDistrictStaff } from '../../server/domain/intake/staff';
import { issueFormToken } from '../../server/domain/intake/form-token';
import { actorFor, seededDatabase } from '../support/meeting-fixture';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let staff: Actor;
let staff2: Actor;
let admin: Actor;
let member: Actor;
let d1: string;
let d2: string;
let key: string;
const expectCode = (p: Promise<unknown>, code: string, fields?: Record<string, string>) =>
	expect(p).rejects.toMatchObject({ code, ...(fields ? { fields } : {}) });
const tokenRule = { minAgeMs: 3000, maxAgeMs: 7_200_000 };
const rateRule = { failures: 3, windowMs: 3_600_000, lockMs: 3_600_000 };
const idea = {
	kind: 'IDEA',
	title: 'کارگاه خیاطی خانگی',
	description: 'با سه چرخ خیاطی',
	name: 'مریم احمدی',
	phone: '۰۹۱۲۱۲۳۴۵۶۷'
} as const;

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	staff = await actorFor(db, 'staff');
	admin = await actorFor(db, 'admin');
	member = await actorFor(db, 'member');
	const districts = await db.district.findMany({ orderBy: { number: 'asc' } });
	[d1, d2] = [districts[0].id, districts[1].id];
	await db.user.create({ data: { organisationId: admin.organisationId, email: 'staff2@rahkar.example', name: 'Staff two' } });
	await setDistrictStaff(db, admin, { email: 'staff2@rahkar.example', districtId: d2 });
	staff2 = await actorFor(db, 'staff2');
	key = await intakeFormKey(db);
}, 60_000);
afterAll(() => fixture?.dispose());

describe('the front desk', () => {
	it('registers a citizen in the staff member’s own district, with the consent they recorded', async () => {
		const before = Date.now();
		const { id, trackingCode } = await registerAtDesk(db, staff, { ...idea, consent: ['STORE', 'CONTACT'], districtId: d2 });
		const stored = await db.intake.findUniqueOrThrow({ where: { id } });
		expect(stored).toMatchObject({
			districtId: d1,
			source: 'DESK',
			status: 'RECEIVED',
			consentScopes: 'STORE,CONTACT',
			consentById: staff.userId
		});
		expect(stored.consentAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
		expect(trackingCode).toMatch(/^RK-/);
		const view = await intakeForTriage(db, staff, id);
		expect(view.intake.consent).toMatchObject({ scopes: ['STORE', 'CONTACT'], by: 'کارشناس مرکز منطقه ۱' });
	});
	it('refuses without consent to keep the details, and refuses those who are not staff', async () => {
		await expectCode(registerAtDesk(db, staff, { ...idea, consent: ['CONTACT'] }), 'INVALID', { consent: 'consent_required' });
		await expectCode(registerAtDesk(db, member, { ...idea, consent: ['STORE'] }), 'FORBIDDEN');
	});
	it('an administrator registers in the district they choose', async () => {
		const { id } = await registerAtDesk(db, admin, { ...idea, consent: ['STORE'], districtId: d2 });
		expect((await db.intake.findUniqueOrThrow({ where: { id } })).districtId).toBe(d2);
	});
});

describe('district scoping', () => {
	it('staff see and triage only their district’s intake; administrators every district; others nothing', async () => {
		const own = await registerAtDesk(db, staff, { ...idea, consent: ['STORE'] });
		const other = await registerAtDesk(db, staff2, { ...idea, consent: ['STORE'] });
		const q1 = (await intakeQueue(db, staff)).items.map((i) => i.id);
		expect(q1).toContain(own.id);
		expect(q1).not.toContain(other.id);
		const all = (await intakeQueue(db, admin)).items.map((i) => i.id);
		expect(all).toEqual(expect.arrayContaining([own.id, other.id]));
		await expectCode(intakeForTriage(db, staff, other.id), 'NOT_FOUND');
		await expectCode(triageIntake(db, staff, other.id, { step: 'CLOSED', reason: 'not ours' }), 'NOT_FOUND');
		await expectCode(intakeQueue(db, member), 'FORBIDDEN');
		// Staff of an archived district handle nothing.
		await db.district.update({ where: { id: d2 }, data: { archivedAt: new Date() } });
		await expectCode(intakeQueue(db, staff2), 'FORBIDDEN');
		await db.district.update({ where: { id: d2 }, data: { archivedAt: null } });
	});
});

describe('the public form', () => {
	const t0 = Date.now();
	const values = (extra: Record<string, unknown> = {}) => ({
		...idea,
		districtId: d1,
		consent: ['STORE', 'INTRODUCE'],
		locale: 'en',
		token: issueFormToken(key, t0),
		...extra
	});
	const submit = (v: Record<string, unknown>, address: string, now = t0 + 5000) =>
		submitPublicIntake(db, { values: v, address, key, tokenRule, rateRule, now });

	it('lands in the district’s queue with a tracking code, the citizen’s own consent and language', async () => {
		const { trackingCode } = await submit(values(), '10.0.0.1');
		const stored = await db.intake.findUniqueOrThrow({ where: { trackingCode } });
		expect(stored).toMatchObject({ districtId: d1, source: 'PUBLIC', consentById: null, consentScopes: 'STORE,INTRODUCE', locale: 'en' });
		expect((await intakeQueue(db, staff)).items.map((i) => i.trackingCode)).toContain(trackingCode);
	});
	it('refuses a filled honeypot, a form sent at once, a forged or stale token, an unknown district', async () => {
		await expectCode(submit(values({ website: 'http://spam.example' }), '10.0.0.2'), 'INVALID', { form: 'spam' });
		await expectCode(submit(values(), '10.0.0.2', t0 + 1000), 'INVALID', { form: 'token_too_fast' });
		await expectCode(submit(values({ token: issueFormToken('not-the-key', t0) }), '10.0.0.2'), 'INVALID', { form: 'token_forged' });
		await expectCode(submit(values(), '10.0.0.2', t0 + 3 * 3_600_000), 'INVALID', { form: 'token_stale' });
		await expectCode(submit(values({ districtId: 'nowhere' }), '10.0.0.2'), 'INVALID', { districtId: 'unknown' });
	});
	it('takes a few submissions per address, then refuses that address (and not another)', async () => {
		for (let i = 0; i < 3; i++) await submit(values(), '10.0.0.3');
		await expectCode(submit(values(), '10.0.0.3'), 'RATE_LIMITED');
		await expect(submit(values(), '10.0.0.4')).resolves.toMatchObject({ trackingCode: expect.any(String) });
	});
});

describe('triage and the public status', () => {
	it('links (registering the citizen), refers, introduces and closes, each step on the status page without personal data', async () => {
		const t0 = Date.now() - 10_000;
		const { trackingCode } = await submitPublicIntake(db, {
			values: { ...idea, email: 'maryam@example.org', districtId: d1, consent: ['STORE'], token: issueFormToken(key, t0) },
			address: '10.0.1.1',
			key,
			tokenRule,
			rateRule
		});
		const { id } = await db.intake.findUniqueOrThrow({ where: { trackingCode } });
		await expectCode(triageIntake(db, staff, id, { step: 'REFERRED', course: 'دوره خوداشتغالی' }), 'CONFLICT');
		// A person of another district is out of reach.
		const elsewhere = await db.person.findFirstOrThrow({ where: { districtId: d2, archivedAt: null } });
		await expectCode(triageIntake(db, staff, id, { step: 'LINKED', personId: elsewhere.id }), 'INVALID', { personId: 'unknown' });

		const { personId } = await registerPersonFromIntake(db, staff, id);
		const person = await db.person.findUniqueOrThrow({ where: { id: personId }, include: { roles: true, exchanges: true } });
		// Consent covered keeping the details, not introducing: the databank will not offer them to others.
		expect(person).toMatchObject({ name: idea.name, districtId: d1, consent: false, email: 'maryam@example.org' });
		expect(person.roles.map((r) => r.role)).toEqual(['IDEA_OWNER']);
		expect(person.exchanges).toEqual([expect.objectContaining({ direction: 'OFFER', kind: 'IDEA' })]);
		await expectCode(registerPersonFromIntake(db, staff, id), 'CONFLICT');

		const groupElsewhere = await db.group.findFirst({ where: { districtId: { notIn: [d1] }, NOT: { districtId: null } } });
		if (groupElsewhere)
			await expectCode(triageIntake(db, staff, id, { step: 'INTRODUCED', groupId: groupElsewhere.id }), 'INVALID', { groupId: 'unknown' });
		const group = await db.group.create({ data: { organisationId: staff.organisationId, name: 'کارگروه پوشاک', districtId: d1 } });
		await triageIntake(db, staff, id, { step: 'REFERRED', course: 'دوره خوداشتغالی' });
		await triageIntake(db, staff, id, { step: 'INTRODUCED', groupId: group.id });
		const course = await db.course.create({
			data: { organisationId: staff.organisationId, title: 'دوره کسب‌وکار خانگی', kind: 'HOME_BUSINESS' }
		});
		await triageIntake(db, staff, id, { step: 'REFERRED', courseId: course.id });
		await triageIntake(db, staff, id, { step: 'CLOSED', reason: 'در کارگروه پیگیری می‌شود' });
		await expectCode(triageIntake(db, staff, id, { step: 'REFERRED', course: 'x دوره' }), 'CONFLICT');

		const status = await publicIntakeStatus(db, trackingCode.toLowerCase().replace(/-/g, ''));
		expect(status.status).toBe('CLOSED');
		expect(status.steps.map((s) => s.status)).toEqual(['RECEIVED', 'LINKED', 'REFERRED', 'INTRODUCED', 'REFERRED', 'CLOSED']);
		expect(status.steps[3].group).toBe('کارگروه پوشاک');
		expect(status.steps[4].course).toBe('دوره کسب‌وکار خانگی');
		const shown = JSON.stringify(status);
		for (const secret of [idea.name, idea.title, idea.description, 'maryam@example.org', '۰۹۱۲']) expect(shown).not.toContain(secret);
		const events = await db.intakeEvent.findMany({ where: { intakeId: id } });
		expect(events.filter((e) => e.status !== 'RECEIVED').every((e) => e.byUserId === staff.userId)).toBe(true);
	});
	it('two staff closing at once: one closes it, the other is told it moved on', async () => {
		const { id } = await registerAtDesk(db, staff, { ...idea, consent: ['STORE'] });
		const results = await Promise.allSettled([
			triageIntake(db, staff, id, { step: 'CLOSED', reason: 'duplicate one' }),
			triageIntake(db, admin, id, { step: 'CLOSED', reason: 'duplicate two' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
		expect(await db.intakeEvent.count({ where: { intakeId: id, status: 'CLOSED' } })).toBe(1);
	});
	it('an unknown or malformed code is NOT_FOUND', async () => {
		await expectCode(publicIntakeStatus(db, 'RK-22222-22222'), 'NOT_FOUND');
		await expectCode(publicIntakeStatus(db, 'nonsense'), 'NOT_FOUND');
	});
});

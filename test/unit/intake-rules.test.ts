// Intake's pure rules: tracking codes, the public form's time token and honeypot, district
// scoping, the triage transitions and what the forms require (consent, a way to reach them).
import { describe, expect, it } from 'vitest';
import { newTrackingCode, normaliseTrackingCode } from '../../server/domain/intake/tracking-code';
import { checkFormToken, honeypotEmpty, issueFormToken } from '../../server/domain/intake/form-token';
import { covers, scopeFor } from '../../server/domain/intake/scope';
import { mayStep, NEXT_STEPS } from '../../server/domain/intake/triage';
import { INTAKE_STATUSES, PublicIntakeInput, TRIAGE_STEPS, TriageInput } from '../../shared/intake';

describe('tracking codes', () => {
	it('are RK- and ten characters without look-alikes, and do not repeat', () => {
		const codes = new Set(Array.from({ length: 2000 }, newTrackingCode));
		expect(codes.size).toBe(2000);
		for (const code of [...codes].slice(0, 200)) expect(code).toMatch(/^RK-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
	});
	it('read back however they are typed: lower case, Persian digits, without dashes', () => {
		const code = 'RK-7AB3Q-XZ9K2';
		for (const typed of ['rk-7ab3q-xz9k2', 'RK7AB3QXZ9K2', '7AB3QXZ9K2', 'RK-۷AB۳Q-XZ۹K۲', ' rk 7ab3q xz9k2 '])
			expect(normaliseTrackingCode(typed), typed).toBe(code);
		expect(normaliseTrackingCode('RK-7AB3Q-XZ9K')).toBeNull();
		expect(normaliseTrackingCode('RK-0AB3Q-XZ9K2')).toBeNull(); // 0 was never issued
		expect(normaliseTrackingCode("RK-7AB3Q-XZ9K2' OR 1=1")).toBeNull();
	});
});

describe('the public form token', () => {
	const key = 'test-key';
	const rule = { minAgeMs: 3000, maxAgeMs: 7_200_000 };
	const t0 = 1_800_000_000_000;
	it('is accepted a few seconds after the form was shown, not sooner, not hours later', () => {
		const token = issueFormToken(key, t0);
		expect(checkFormToken(key, token, t0 + 500, rule)).toBe('too_fast');
		expect(checkFormToken(key, token, t0 + 3000, rule)).toBe('ok');
		expect(checkFormToken(key, token, t0 + 7_200_001, rule)).toBe('stale');
	});
	it('cannot be made or backdated without the key', () => {
		const token = issueFormToken(key, t0);
		expect(checkFormToken('another-key', token, t0 + 5000, rule)).toBe('forged');
		const [, sig] = token.split('.');
		expect(checkFormToken(key, `${(t0 - 60_000).toString(36)}.${sig}`, t0 + 5000, rule)).toBe('forged');
		for (const junk of ['', 'x', 'a.b.c', `${t0}.`]) expect(checkFormToken(key, junk, t0 + 5000, rule)).toBe('forged');
	});
	it('the honeypot must be left empty', () => {
		expect(honeypotEmpty(undefined)).toBe(true);
		expect(honeypotEmpty('')).toBe(true);
		expect(honeypotEmpty('http://spam.example')).toBe(false);
	});
});

describe('district scoping', () => {
	it('staff handle their one district, administrators every district of their organisation, others none', () => {
		const staff = scopeFor('org1', false, 'd1')!;
		const admin = scopeFor('org1', true, null)!;
		expect(scopeFor('org1', false, null)).toBeNull();
		expect(covers(staff, { organisationId: 'org1', districtId: 'd1' })).toBe(true);
		expect(covers(staff, { organisationId: 'org1', districtId: 'd2' })).toBe(false);
		expect(covers(staff, { organisationId: 'org2', districtId: 'd1' })).toBe(false);
		expect(covers(admin, { organisationId: 'org1', districtId: 'd2' })).toBe(true);
		expect(covers(admin, { organisationId: 'org2', districtId: 'd2' })).toBe(false);
	});
});

describe('triage transitions', () => {
	it('links before introducing or referring; closing ends it; introductions and referrals repeat', () => {
		expect(mayStep('RECEIVED', 'LINKED')).toBe(true);
		expect(mayStep('RECEIVED', 'INTRODUCED')).toBe(false);
		expect(mayStep('RECEIVED', 'REFERRED')).toBe(false);
		expect(mayStep('RECEIVED', 'CLOSED')).toBe(true);
		expect(mayStep('LINKED', 'LINKED')).toBe(false);
		for (const from of ['LINKED', 'INTRODUCED', 'REFERRED'] as const)
			for (const step of ['INTRODUCED', 'REFERRED', 'CLOSED'] as const) expect(mayStep(from, step), `${from} → ${step}`).toBe(true);
		for (const step of TRIAGE_STEPS) expect(mayStep('CLOSED', step)).toBe(false);
		expect(Object.keys(NEXT_STEPS).sort()).toEqual([...INTAKE_STATUSES].sort());
	});
	it('each step names what it needs', () => {
		expect(TriageInput.safeParse({ step: 'CLOSED', reason: '' }).success).toBe(false);
		expect(TriageInput.safeParse({ step: 'CLOSED', reason: 'not reachable' }).success).toBe(true);
		expect(TriageInput.safeParse({ step: 'REFERRED', courseId: '', course: '' }).success).toBe(false);
		expect(TriageInput.safeParse({ step: 'REFERRED', courseId: '', course: 'دوره خوداشتغالی' }).success).toBe(true);
		expect(TriageInput.safeParse({ step: 'REFERRED', courseId: 'c1' }).success).toBe(true);
		expect(TriageInput.safeParse({ step: 'INTRODUCED' }).success).toBe(false);
	});
});

describe('the public form', () => {
	const valid = { kind: 'IDEA', title: 'کارگاه خیاطی خانگی', name: 'مریم', phone: '۰۹۱۲۱۲۳۴۵۶۷', districtId: 'd1', consent: ['STORE'] };
	it('needs consent to keep the details, and a phone or an email', () => {
		expect(PublicIntakeInput.safeParse(valid).success).toBe(true);
		const noConsent = PublicIntakeInput.safeParse({ ...valid, consent: ['CONTACT'] });
		expect(noConsent.success).toBe(false);
		expect(noConsent.error?.issues[0]).toMatchObject({ path: ['consent'], message: 'consent_required' });
		const noContact = PublicIntakeInput.safeParse({ ...valid, phone: '' });
		expect(noContact.error?.issues[0]).toMatchObject({ path: ['phone'], message: 'contact_required' });
		expect(PublicIntakeInput.safeParse({ ...valid, phone: '', email: 'maryam@example.org' }).success).toBe(true);
	});
});

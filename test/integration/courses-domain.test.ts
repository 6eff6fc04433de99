// Courses and certificates against a real (seeded) database: administrators create courses
// and name coordinators; a coordinator runs their course (sessions, enrolment, attendance,
// completion) and nobody else's; completing issues one signed certificate; a tampered or
// forged record verifies as not valid, an unknown code as not found; administrators revoke
// with a reason and the verification says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import {
	addCoordinator,
	addSession,
	courseDetail,
	coursesPage,
	createCourse,
	findPeople,
	removeSession
} from '../../server/domain/courses/courses';
import { complete, enrol, recordAttendance, sessionRegister, withdraw } from '../../server/domain/courses/enrolment';
import { certificateView, revokeCertificate, verifyCode } from '../../server/domain/courses/certificates';
import { keysFrom, newPrivateKeyPem, signFields } from '../../server/domain/courses/signing';
import { createPerson } from '../../server/domain/databank/people';
import { actorFor, seededDatabase } from '../support/meeting-fixture';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
const keys = keysFrom(newPrivateKeyPem());
const a: Record<string, Actor> = {};
let courseId: string;
const sessions: string[] = [];
let learner: string; // the member's own person
let second: string; // a person without an account
const enrolment: Record<string, string> = {};

const expectCode = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	for (const who of ['admin', 'moderator', 'member', 'executor', 'observer']) a[who] = await actorFor(db, who);
	const elsewhere = await db.organisation.create({ data: { name: 'Elsewhere' } });
	a.otherOrgAdmin = { userId: 'other-admin', organisationId: elsewhere.id, personId: null, isAdmin: true };
	learner = a.member.personId!;
	second = (await createPerson(db, a.admin, { name: 'زهرا کریمی', consent: true })).id;
});
afterAll(async () => fixture?.dispose());

describe('setting up a course', () => {
	it('only administrators create courses and name coordinators, who must have an account', async () => {
		const input = { title: 'کسب‌وکار خانگی', kind: 'HOME_BUSINESS' as const, minAttendance: 75 };
		await expectCode(createCourse(db, a.moderator, input), 'FORBIDDEN');
		await expectCode(createCourse(db, a.admin, { ...input, title: 'x' }), 'INVALID');
		courseId = (await createCourse(db, a.admin, input)).id;
		await expectCode(courseDetail(db, a.executor, courseId), 'FORBIDDEN');
		await expectCode(courseDetail(db, a.otherOrgAdmin, courseId), 'NOT_FOUND');
		await expectCode(addCoordinator(db, a.admin, courseId, { personId: second }), 'CONFLICT'); // no account
		await addCoordinator(db, a.admin, courseId, { personId: a.executor.personId! });
		await expectCode(addCoordinator(db, a.executor, courseId, { personId: a.observer.personId! }), 'FORBIDDEN');
		expect((await courseDetail(db, a.executor, courseId)).coordinators.map((c) => c.personId)).toEqual([a.executor.personId]);
		expect((await coursesPage(db, a.executor)).running.map((c) => c.id)).toEqual([courseId]);
		expect((await coursesPage(db, a.moderator)).running).toEqual([]);
	});

	it('the coordinator adds sessions and enrols people of the databank; others may not', async () => {
		for (const offset of [-14, -7, 0, 7])
			sessions.push((await addSession(db, a.executor, courseId, { day: day(offset), topic: `جلسه ${offset}` })).id);
		await expectCode(addSession(db, a.member, courseId, { day: day(1) }), 'FORBIDDEN');
		await expectCode(addSession(db, a.executor, courseId, { day: '1404/09/11' }), 'INVALID');
		expect((await findPeople(db, a.executor, courseId, 'کریمی')).map((p) => p.id)).toContain(second);
		enrolment.learner = (await enrol(db, a.executor, courseId, { personId: learner })).enrolmentId;
		enrolment.second = (await enrol(db, a.executor, courseId, { personId: second })).enrolmentId;
		await expectCode(enrol(db, a.executor, courseId, { personId: learner }), 'CONFLICT');
		await expectCode(enrol(db, a.member, courseId, { personId: learner }), 'FORBIDDEN');
		await expectCode(enrol(db, a.otherOrgAdmin, courseId, { personId: learner }), 'NOT_FOUND');
		expect((await coursesPage(db, a.member)).mine).toMatchObject([{ courseId, status: 'ENROLLED', certificateId: null }]);
	});
});

describe('attendance and completion', () => {
	it('records a register per session, not for a session that has not begun, and only for people enrolled', async () => {
		await expectCode(recordAttendance(db, a.executor, courseId, sessions[3], { present: [enrolment.learner] }), 'CONFLICT');
		await expectCode(recordAttendance(db, a.executor, courseId, sessions[0], { present: ['not-an-enrolment'] }), 'INVALID');
		await expectCode(recordAttendance(db, a.member, courseId, sessions[0], { present: [enrolment.learner] }), 'FORBIDDEN');
		expect(await recordAttendance(db, a.executor, courseId, sessions[0], { present: [enrolment.learner, enrolment.second] })).toEqual({
			present: 2,
			absent: 0
		});
		await recordAttendance(db, a.executor, courseId, sessions[1], { present: [enrolment.learner] });
		const register = await sessionRegister(db, a.executor, courseId, sessions[1]);
		expect(register.rows.map((r) => [r.enrolmentId, r.present])).toEqual(
			expect.arrayContaining([
				[enrolment.learner, true],
				[enrolment.second, false]
			])
		);
		// A session with a register is a record: it stays.
		await expectCode(removeSession(db, a.executor, courseId, sessions[0]), 'CONFLICT');
	});

	it('completing needs the course share of sessions (3 of 4 at 75%)', async () => {
		await expectCode(complete(db, keys, a.executor, courseId, enrolment.learner), 'CONFLICT');
		const before = (await courseDetail(db, a.executor, courseId)).enrolments.find((e) => e.id === enrolment.learner)!;
		expect(before.progress).toMatchObject({ attended: 2, total: 4, required: 3, eligible: false });
		await recordAttendance(db, a.executor, courseId, sessions[2], { present: [enrolment.learner] });
		await expectCode(complete(db, keys, a.member, courseId, enrolment.learner), 'FORBIDDEN');
	});

	it('two coordinators completing the same person at once issue one certificate, which verifies', async () => {
		const results = await Promise.allSettled([
			complete(db, keys, a.executor, courseId, enrolment.learner),
			complete(db, keys, a.admin, courseId, enrolment.learner)
		]);
		const issued = results.filter((r) => r.status === 'fulfilled');
		expect(issued).toHaveLength(1);
		expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
		expect(await db.certificate.count({ where: { enrolmentId: enrolment.learner } })).toBe(1);
		const { code, certificateId } = (issued[0] as PromiseFulfilledResult<{ code: string; certificateId: string }>).value;
		const holder = await db.person.findUniqueOrThrow({ where: { id: learner } });
		expect(await verifyCode(db, keys, code)).toMatchObject({
			status: 'VALID',
			holderName: holder.name,
			courseTitle: 'کسب‌وکار خانگی',
			courseKind: 'HOME_BUSINESS'
		});
		// As typed by hand: lower case, grouped, with Persian digits.
		const typed = code
			.toLowerCase()
			.replace(/(.{4})/g, '$1-')
			.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
		expect(await verifyCode(db, keys, typed)).toMatchObject({ status: 'VALID' });
		// The public answer carries the name and the course, nothing more about the person.
		expect(Object.keys(await verifyCode(db, keys, code)).sort()).toEqual(
			['code', 'completedOn', 'courseKind', 'courseTitle', 'holderName', 'issuedAt', 'organisationName', 'status'].sort()
		);
		expect((await coursesPage(db, a.member)).mine).toMatchObject([{ status: 'COMPLETED', certificateId, revoked: false }]);
		// Completed is final: no more attendance, withdrawal or completion.
		await expectCode(withdraw(db, a.executor, courseId, enrolment.learner), 'CONFLICT');
		await expectCode(complete(db, keys, a.executor, courseId, enrolment.learner), 'CONFLICT');
	});

	it('a withdrawn person leaves the register and may be enrolled again', async () => {
		// A completed person stays on the register as recorded, and a later save leaves them so.
		await recordAttendance(db, a.executor, courseId, sessions[2], { present: [] });
		expect(
			(await sessionRegister(db, a.executor, courseId, sessions[2])).rows.find((r) => r.enrolmentId === enrolment.learner)
		).toMatchObject({
			present: true,
			locked: true
		});
		await withdraw(db, a.executor, courseId, enrolment.second);
		expect((await sessionRegister(db, a.executor, courseId, sessions[2])).rows.map((r) => r.enrolmentId)).not.toContain(enrolment.second);
		await expectCode(complete(db, keys, a.executor, courseId, enrolment.second), 'CONFLICT');
		expect((await enrol(db, a.executor, courseId, { personId: second })).enrolmentId).toBe(enrolment.second);
	});
});

describe('verifying, tampering, forging and revoking', () => {
	let certificate: { id: string; code: string };
	beforeAll(async () => {
		certificate = await db.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.learner }, select: { id: true, code: true } });
	});

	it('an unknown code is not found, and a malformed one too', async () => {
		expect(await verifyCode(db, keys, 'ZZZZ-ZZZZ-ZZZZ')).toEqual({ status: 'NOT_FOUND' });
		expect(await verifyCode(db, keys, "' OR 1=1 --")).toEqual({ status: 'NOT_FOUND' });
	});

	it('a tampered field in the stored record makes it not valid; put back, it verifies again', async () => {
		const row = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
		await db.certificate.update({ where: { id: certificate.id }, data: { holderName: 'کسی دیگر' } });
		expect(await verifyCode(db, keys, certificate.code)).toEqual({ status: 'INVALID' });
		await db.certificate.update({ where: { id: certificate.id }, data: { holderName: row.holderName, completedOn: '2020-01-01' } });
		expect(await verifyCode(db, keys, certificate.code)).toEqual({ status: 'INVALID' });
		await db.certificate.update({ where: { id: certificate.id }, data: { completedOn: row.completedOn } });
		expect(await verifyCode(db, keys, certificate.code)).toMatchObject({ status: 'VALID' });
	});

	it('a forged record (signed with another key, even under our key id) is not valid', async () => {
		const forger = keysFrom(newPrivateKeyPem());
		const org = await db.organisation.findUniqueOrThrow({ where: { id: a.admin.organisationId } });
		const fields = {
			code: 'F0RGED000000',
			organisationId: org.id,
			organisationName: org.name,
			holderName: 'جاعل',
			courseTitle: 'کسب‌وکار خانگی',
			courseKind: 'HOME_BUSINESS' as const,
			completedOn: day(0),
			issuedAt: new Date(Math.floor(Date.now() / 1000) * 1000)
		};
		await db.certificate.create({
			data: { ...fields, courseId, enrolmentId: enrolment.second, keyId: keys.keyId, signature: signFields(forger, fields) }
		});
		expect(await verifyCode(db, keys, 'F0RGED000000')).toEqual({ status: 'INVALID' });
		await db.certificate.delete({ where: { code: 'F0RGED000000' } });
	});

	it('the certificate page is for its holder, the coordinators and administrators', async () => {
		expect((await certificateView(db, keys, a.member, certificate.id)).verification.status).toBe('VALID');
		expect((await certificateView(db, keys, a.executor, certificate.id)).mayRevoke).toBe(false);
		expect((await certificateView(db, keys, a.admin, certificate.id)).mayRevoke).toBe(true);
		await expectCode(certificateView(db, keys, a.moderator, certificate.id), 'NOT_FOUND');
		await expectCode(certificateView(db, keys, a.otherOrgAdmin, certificate.id), 'NOT_FOUND');
	});

	it('administrators revoke with a reason; the verification says revoked, with the reason, from then on', async () => {
		await expectCode(revokeCertificate(db, a.executor, certificate.id, { reason: 'اشتباه در ثبت حضور' }), 'FORBIDDEN');
		await expectCode(revokeCertificate(db, a.member, certificate.id, { reason: 'اشتباه در ثبت حضور' }), 'FORBIDDEN');
		await expectCode(revokeCertificate(db, a.moderator, certificate.id, { reason: 'اشتباه در ثبت حضور' }), 'NOT_FOUND');
		await expectCode(revokeCertificate(db, a.admin, certificate.id, { reason: '' }), 'INVALID');
		await revokeCertificate(db, a.admin, certificate.id, { reason: 'اشتباه در ثبت حضور' });
		expect(await verifyCode(db, keys, certificate.code)).toMatchObject({ status: 'REVOKED', reason: 'اشتباه در ثبت حضور' });
		await expectCode(revokeCertificate(db, a.admin, certificate.id, { reason: 'دوباره' }), 'CONFLICT');
		expect((await coursesPage(db, a.member)).mine).toMatchObject([{ revoked: true }]);
	});

	it('a certificate verifies only with the key that signed it', async () => {
		const otherKeys = keysFrom(newPrivateKeyPem());
		expect(await verifyCode(db, otherKeys, certificate.code)).toEqual({ status: 'INVALID' });
	});
});

// Enrolment, attendance and completion. Completing checks the completion rule and issues the
// signed certificate in the same transaction: an enrolment is COMPLETED exactly when it has one.
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { AttendanceInput, PersonRef } from '../../../shared/courses';
import { courseAccess } from './access';
import { activePerson } from './courses';
import { moveAllowed, progressOf, sessionHeld } from './rules';
import { issueCertificate } from './certificates';
import type { CertificateKeys } from './signing';

const refused = (what: string) => new DomainError('CONFLICT', what, { form: what });

/** Enrols a person of the databank (again, after a withdrawal). */
export async function enrol(db: Db, actor: Actor, courseId: string, input: { personId: string }): Promise<{ enrolmentId: string }> {
	await courseAccess(db, actor, courseId);
	const { personId } = parse(PersonRef, input);
	await activePerson(db, actor, personId);
	const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { archivedAt: true } });
	if (course.archivedAt) throw refused('course_archived');
	const existing = await db.enrolment.findUnique({
		where: { courseId_personId: { courseId, personId } },
		select: { id: true, status: true }
	});
	if (!moveAllowed(existing?.status ?? null, 'enrol'))
		throw new DomainError('CONFLICT', 'already enrolled', { personId: 'already_enrolled' });
	if (existing) {
		await db.enrolment.update({ where: { id: existing.id }, data: { status: 'ENROLLED', withdrawnAt: null, enrolledAt: new Date() } });
		return { enrolmentId: existing.id };
	}
	try {
		const e = await db.enrolment.create({ data: { courseId, personId }, select: { id: true } });
		return { enrolmentId: e.id };
	} catch (e) {
		if ((e as { code?: string }).code === 'P2002') throw new DomainError('CONFLICT', 'already enrolled', { personId: 'already_enrolled' });
		throw e;
	}
}

async function enrolmentOf(db: Db, courseId: string, enrolmentId: string) {
	const e = await db.enrolment.findFirst({ where: { id: enrolmentId, courseId }, select: { id: true, status: true } });
	if (!e) throw new DomainError('NOT_FOUND', 'enrolment not found');
	return e;
}

/** Withdraws an enrolled person; their attendance stays on the record. */
export async function withdraw(db: Db, actor: Actor, courseId: string, enrolmentId: string): Promise<void> {
	await courseAccess(db, actor, courseId);
	const e = await enrolmentOf(db, courseId, enrolmentId);
	if (!moveAllowed(e.status, 'withdraw')) throw refused('not_enrolled');
	const done = await db.enrolment.updateMany({
		where: { id: e.id, status: 'ENROLLED' },
		data: { status: 'WITHDRAWN', withdrawnAt: new Date() }
	});
	if (done.count === 0) throw refused('not_enrolled');
}

export interface SessionRegister {
	session: { id: string; day: string; topic: string; held: boolean };
	/** `locked`: completed, so kept as recorded and not marked any more. */
	rows: { enrolmentId: string; name: string; present: boolean | null; locked: boolean }[];
}

/** One session's register: the people enrolled now, and those who completed (shown as
 * recorded, no longer marked; withdrawn people drop out), with what is recorded for each. */
export async function sessionRegister(db: Db, actor: Actor, courseId: string, sessionId: string): Promise<SessionRegister> {
	await courseAccess(db, actor, courseId);
	const s = await db.courseSession.findFirst({
		where: { id: sessionId, courseId },
		include: { attendance: { select: { enrolmentId: true, present: true } } }
	});
	if (!s) throw new DomainError('NOT_FOUND', 'session not found');
	const enrolments = await db.enrolment.findMany({
		where: { courseId, status: { in: ['ENROLLED', 'COMPLETED'] } },
		orderBy: { person: { sortKey: 'asc' } },
		select: { id: true, status: true, person: { select: { name: true } } }
	});
	const recorded = new Map(s.attendance.map((a) => [a.enrolmentId, a.present]));
	return {
		session: { id: s.id, day: s.day, topic: s.topic, held: sessionHeld(s.day) },
		rows: enrolments.map((e) => ({
			enrolmentId: e.id,
			name: e.person.name,
			present: recorded.get(e.id) ?? null,
			locked: e.status === 'COMPLETED'
		}))
	};
}

/** Records a session's register: the enrolments in `present` attended, every other person
 * enrolled now did not. A session that has not begun anywhere yet cannot be marked. */
export async function recordAttendance(
	db: Db,
	actor: Actor,
	courseId: string,
	sessionId: string,
	input: { present?: string[] }
): Promise<{ present: number; absent: number }> {
	await courseAccess(db, actor, courseId);
	const { present } = parse(AttendanceInput, input);
	const s = await db.courseSession.findFirst({ where: { id: sessionId, courseId }, select: { day: true } });
	if (!s) throw new DomainError('NOT_FOUND', 'session not found');
	if (!sessionHeld(s.day)) throw refused('session_not_held');
	const enrolled = await db.enrolment.findMany({ where: { courseId, status: 'ENROLLED' }, select: { id: true } });
	const ids = new Set(enrolled.map((e) => e.id));
	const ticked = new Set(present);
	for (const id of ticked) if (!ids.has(id)) throw new DomainError('INVALID', 'not enrolled', { present: 'not_enrolled' });
	await db.$transaction(
		enrolled.map((e) =>
			db.sessionAttendance.upsert({
				where: { sessionId_enrolmentId: { sessionId, enrolmentId: e.id } },
				create: { sessionId, enrolmentId: e.id, present: ticked.has(e.id), recordedById: actor.userId },
				update: { present: ticked.has(e.id), recordedById: actor.userId, recordedAt: new Date() }
			})
		)
	);
	return { present: ticked.size, absent: enrolled.length - ticked.size };
}

/** Completes an enrolment that meets the course's completion rule and issues its signed
 * certificate. Two coordinators completing the same person at once issue one certificate. */
export async function complete(
	db: Db,
	keys: CertificateKeys,
	actor: Actor,
	courseId: string,
	enrolmentId: string,
	now: Date = new Date()
): Promise<{ certificateId: string; code: string }> {
	await courseAccess(db, actor, courseId);
	const e = await enrolmentOf(db, courseId, enrolmentId);
	if (!moveAllowed(e.status, 'complete')) throw refused('not_enrolled');
	const course = await db.course.findUniqueOrThrow({
		where: { id: courseId },
		select: { minAttendance: true, sessions: { select: { id: true } } }
	});
	const attended = await db.sessionAttendance.findMany({ where: { enrolmentId, present: true }, select: { sessionId: true } });
	const progress = progressOf(
		course.sessions.map((s) => s.id),
		new Set(attended.map((a) => a.sessionId)),
		course.minAttendance
	);
	if (!progress.eligible) throw refused('not_eligible');
	return db.$transaction(async (tx) => {
		// The state change is the first write: a second completion waits for it, then finds none to make.
		const moved = await tx.enrolment.updateMany({
			where: { id: enrolmentId, status: 'ENROLLED' },
			data: { status: 'COMPLETED', completedAt: new Date() }
		});
		if (moved.count === 0) throw refused('not_enrolled');
		return issueCertificate(tx as unknown as Db, keys, actor, enrolmentId, now);
	});
}

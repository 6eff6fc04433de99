// Courses: created and set up by administrators, run by their coordinators. Sessions are
// calendar days; a session that has attendance recorded stays (the register is a record).
import type { Db } from '../../db/client';
import { requireAdministrator, type Actor } from '../access';
import { DomainError } from '../errors';
import { searchKey } from '../persian';
import { parse } from '../validation';
import { CourseInput, PersonRef, SessionInput, type CourseDetail, type CourseKind, type EnrolmentStatus } from '../../../shared/courses';
import { courseAccess, coordinatesAny } from './access';
import { progressOf } from './rules';

export interface CourseItem {
	id: string;
	title: string;
	kind: CourseKind;
	sessions: number;
	enrolled: number;
	completed: number;
	archived: boolean;
}

export interface LearnerCourse {
	courseId: string;
	title: string;
	kind: CourseKind;
	status: EnrolmentStatus;
	certificateId: string | null;
	revoked: boolean;
}

export interface CoursesPage {
	/** The courses the actor runs: every one for an administrator, their own for a coordinator. */
	running: CourseItem[];
	/** The actor's own enrolments (as a person of the databank) and their certificates. */
	mine: LearnerCourse[];
	mayCreate: boolean;
}

/** What the courses page shows this actor. */
export async function coursesPage(db: Db, actor: Actor): Promise<CoursesPage> {
	const runsSome = actor.isAdmin || (await coordinatesAny(db, actor));
	const running = runsSome
		? await db.course.findMany({
				where: {
					organisationId: actor.organisationId,
					...(actor.isAdmin ? {} : { coordinators: { some: { personId: actor.personId! } } })
				},
				orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }],
				select: {
					id: true,
					title: true,
					kind: true,
					archivedAt: true,
					_count: { select: { sessions: true } },
					enrolments: { select: { status: true } }
				}
			})
		: [];
	const mine = actor.personId
		? await db.enrolment.findMany({
				where: { personId: actor.personId, course: { organisationId: actor.organisationId } },
				orderBy: { enrolledAt: 'desc' },
				select: {
					status: true,
					course: { select: { id: true, title: true, kind: true } },
					certificate: { select: { id: true, revokedAt: true } }
				}
			})
		: [];
	return {
		running: running.map((c) => ({
			id: c.id,
			title: c.title,
			kind: c.kind,
			sessions: c._count.sessions,
			enrolled: c.enrolments.filter((e) => e.status !== 'WITHDRAWN').length,
			completed: c.enrolments.filter((e) => e.status === 'COMPLETED').length,
			archived: c.archivedAt !== null
		})),
		mine: mine.map((e) => ({
			courseId: e.course.id,
			title: e.course.title,
			kind: e.course.kind,
			status: e.status,
			certificateId: e.certificate?.id ?? null,
			revoked: e.certificate?.revokedAt != null
		})),
		mayCreate: actor.isAdmin
	};
}

/** Creates a course (administrators). */
export async function createCourse(db: Db, actor: Actor, input: CourseInput): Promise<{ id: string }> {
	requireAdministrator(actor);
	const d = parse(CourseInput, input);
	return db.course.create({ data: { ...d, organisationId: actor.organisationId, createdById: actor.userId }, select: { id: true } });
}

/** Changes a course's title, kind, description or completion rule (administrators). */
export async function updateCourse(db: Db, actor: Actor, courseId: string, input: CourseInput): Promise<void> {
	const rights = await courseAccess(db, actor, courseId);
	if (!rights.canAdminister) throw new DomainError('FORBIDDEN', 'administrators only');
	await db.course.update({ where: { id: courseId }, data: parse(CourseInput, input) });
}

export type { CourseDetail, EnrolmentRow } from '../../../shared/courses';

/** A course as its administrators and coordinators see it: sessions, coordinators, and each
 * enrolled person's attendance against the completion rule. */
export async function courseDetail(db: Db, actor: Actor, courseId: string): Promise<CourseDetail> {
	const rights = await courseAccess(db, actor, courseId);
	const c = await db.course.findUniqueOrThrow({
		where: { id: courseId },
		include: {
			coordinators: { include: { person: { select: { name: true } } } },
			sessions: { orderBy: [{ day: 'asc' }, { createdAt: 'asc' }], include: { _count: { select: { attendance: true } } } },
			enrolments: {
				orderBy: { enrolledAt: 'asc' },
				include: {
					person: { select: { name: true } },
					attendance: { where: { present: true }, select: { sessionId: true } },
					certificate: { select: { id: true, revokedAt: true } }
				}
			}
		}
	});
	const sessionIds = c.sessions.map((s) => s.id);
	return {
		id: c.id,
		title: c.title,
		kind: c.kind,
		description: c.description,
		minAttendance: c.minAttendance,
		rights,
		coordinators: c.coordinators.map((k) => ({ personId: k.personId, name: k.person.name })),
		sessions: c.sessions.map((s) => ({ id: s.id, day: s.day, topic: s.topic, recorded: s._count.attendance })),
		enrolments: c.enrolments.map((e) => ({
			id: e.id,
			personId: e.personId,
			name: e.person.name,
			status: e.status,
			progress: progressOf(sessionIds, new Set(e.attendance.map((a) => a.sessionId)), c.minAttendance),
			certificateId: e.certificate?.id ?? null,
			revoked: e.certificate?.revokedAt != null
		}))
	};
}

/** People of the databank matching a name (for enrolling or naming a coordinator): active
 * records of the organisation, at most 20. `withAccount` keeps only people who can sign in. */
export async function findPeople(
	db: Db,
	actor: Actor,
	courseId: string,
	q: string,
	options: { withAccount?: boolean } = {}
): Promise<{ id: string; name: string }[]> {
	await courseAccess(db, actor, courseId);
	const key = searchKey(q);
	if (!key) return [];
	return db.person.findMany({
		where: {
			organisationId: actor.organisationId,
			archivedAt: null,
			searchText: { contains: key },
			...(options.withAccount ? { user: { isNot: null } } : {})
		},
		orderBy: { sortKey: 'asc' },
		take: 20,
		select: { id: true, name: true }
	});
}

/** An active person of the actor's organisation, or NOT_FOUND / CONFLICT. */
export async function activePerson(db: Db, actor: Actor, personId: string) {
	const person = await db.person.findFirst({
		where: { id: personId, organisationId: actor.organisationId },
		select: { archivedAt: true, user: { select: { id: true } } }
	});
	if (!person) throw new DomainError('NOT_FOUND', 'person not found');
	if (person.archivedAt) throw new DomainError('CONFLICT', 'archived person', { personId: 'archived' });
	return person;
}

/** Names a person (who has an account) a coordinator of the course (administrators). */
export async function addCoordinator(db: Db, actor: Actor, courseId: string, input: { personId: string }): Promise<void> {
	const rights = await courseAccess(db, actor, courseId);
	if (!rights.canAdminister) throw new DomainError('FORBIDDEN', 'administrators only');
	const { personId } = parse(PersonRef, input);
	const person = await activePerson(db, actor, personId);
	if (!person.user) throw new DomainError('CONFLICT', 'no account', { personId: 'no_account' });
	await db.courseCoordinator.upsert({ where: { courseId_personId: { courseId, personId } }, create: { courseId, personId }, update: {} });
}

/** Removes a coordinator from the course (administrators). */
export async function removeCoordinator(db: Db, actor: Actor, courseId: string, input: { personId: string }): Promise<void> {
	const rights = await courseAccess(db, actor, courseId);
	if (!rights.canAdminister) throw new DomainError('FORBIDDEN', 'administrators only');
	const { personId } = parse(PersonRef, input);
	await db.courseCoordinator.deleteMany({ where: { courseId, personId } });
}

/** Adds a session on a day. */
export async function addSession(db: Db, actor: Actor, courseId: string, input: SessionInput): Promise<{ id: string }> {
	await courseAccess(db, actor, courseId);
	const d = parse(SessionInput, input);
	return db.courseSession.create({ data: { courseId, ...d }, select: { id: true } });
}

/** Removes a session that has no attendance recorded: a register, once taken, is a record. */
export async function removeSession(db: Db, actor: Actor, courseId: string, sessionId: string): Promise<void> {
	await courseAccess(db, actor, courseId);
	const session = await db.courseSession.findFirst({
		where: { id: sessionId, courseId },
		select: { _count: { select: { attendance: true } } }
	});
	if (!session) throw new DomainError('NOT_FOUND', 'session not found');
	if (session._count.attendance > 0) throw new DomainError('CONFLICT', 'attendance recorded', { form: 'attendance_recorded' });
	await db.courseSession.delete({ where: { id: sessionId } });
}

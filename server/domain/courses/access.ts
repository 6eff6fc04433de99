// Who may do what with a course. Administrators run every course of their organisation and
// name its coordinators; a course coordinator (a person named on the course, like a group's
// moderator) runs that course: its sessions, enrolment, attendance and completion. Revoking a
// certificate is the organisation's word, so it stays with administrators.
import type { Db } from '../../db/client';
import { mayAdminister, type Actor } from '../access';
import { DomainError } from '../errors';
import type { CourseRights } from '../../../shared/courses';

export type { CourseRights } from '../../../shared/courses';

/** The pure rule behind courseAccess. */
export const courseRightsFor = (courseId: string, isAdmin: boolean, coordinates: boolean): CourseRights => ({
	courseId,
	canRun: isAdmin || coordinates,
	canAdminister: isAdmin
});

/** The actor's rights in a course: NOT_FOUND for another organisation's (or no) course,
 * FORBIDDEN for a user of the organisation who neither administers nor coordinates it. */
export async function courseAccess(db: Db, actor: Actor, courseId: string): Promise<CourseRights> {
	const course = await db.course.findFirst({ where: { id: courseId, organisationId: actor.organisationId }, select: { id: true } });
	if (!course) throw new DomainError('NOT_FOUND', 'course not found');
	const coordinates = actor.personId !== null && (await db.courseCoordinator.count({ where: { courseId, personId: actor.personId } })) > 0;
	const rights = courseRightsFor(courseId, mayAdminister(actor), coordinates);
	if (!rights.canRun) throw new DomainError('FORBIDDEN', 'not a coordinator of this course');
	return rights;
}

/** Whether the actor coordinates any course (the courses page offers them their courses). */
export async function coordinatesAny(db: Db, actor: Actor): Promise<boolean> {
	return actor.personId !== null && (await db.courseCoordinator.count({ where: { personId: actor.personId } })) > 0;
}

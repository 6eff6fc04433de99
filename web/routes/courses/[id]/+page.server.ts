import { addCoordinator, addSession, courseDetail, findPeople, removeCoordinator, removeSession } from '$server/domain/courses/courses';
import { complete, enrol, withdraw } from '$server/domain/courses/enrolment';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

/** A course for the people who run it; `q` finds people to enrol, `cq` (administrators) coordinators. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = locals.services.db;
	const course = await domainCall(() => courseDetail(db, user, params.id));
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const cq = course.rights.canAdminister ? (url.searchParams.get('cq') ?? '').slice(0, 100) : '';
	const taken = new Set(course.enrolments.filter((e) => e.status !== 'WITHDRAWN').map((e) => e.personId));
	const coordinating = new Set(course.coordinators.map((c) => c.personId));
	return {
		course,
		q,
		cq,
		found: q ? (await domainCall(() => findPeople(db, user, params.id, q))).filter((p) => !taken.has(p.id)) : [],
		foundCoordinators: cq
			? (await domainCall(() => findPeople(db, user, params.id, cq, { withAccount: true }))).filter((p) => !coordinating.has(p.id))
			: []
	};
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

// Each validated by the domain (shared/courses.ts schemas).
export const actions: Actions = {
	addSession: formAction(async (v, { db, user, params }) => {
		await addSession(db, user, params.id, { day: text(v.day), topic: text(v.topic) });
		return { saved: 'session' };
	}),
	removeSession: formAction(async (v, { db, user, params }) => {
		await removeSession(db, user, params.id, text(v.sessionId));
		return { saved: 'session' };
	}),
	enrol: formAction(async (v, { db, user, params }) => {
		await enrol(db, user, params.id, { personId: text(v.personId) });
		return { saved: 'enrolment' };
	}),
	withdraw: formAction(async (v, { db, user, params }) => {
		await withdraw(db, user, params.id, text(v.enrolmentId));
		return { saved: 'enrolment' };
	}),
	complete: formAction(async (v, { db, user, params, services }) => {
		const issued = await complete(db, services.certificates, user, params.id, text(v.enrolmentId));
		return { issued: issued.certificateId };
	}),
	addCoordinator: formAction(async (v, { db, user, params }) => {
		await addCoordinator(db, user, params.id, { personId: text(v.personId) });
		return { saved: 'coordinator' };
	}),
	removeCoordinator: formAction(async (v, { db, user, params }) => {
		await removeCoordinator(db, user, params.id, { personId: text(v.personId) });
		return { saved: 'coordinator' };
	})
};

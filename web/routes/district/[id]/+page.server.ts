// One intake's triage: link it to a person (or register them), introduce them to a group,
// refer them to a course, or close it with a reason. Each step is one domain call.
import { intakeForTriage, registerPersonFromIntake, triageIntake } from '$server/domain/intake/queue';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const q = url.searchParams.get('q') ?? '';
	return { ...(await domainCall(() => intakeForTriage(locals.services.db, user, params.id, q))), q };
};

// Validated by the domain (shared/intake.ts TriageInput).
export const actions: Actions = {
	link: formAction(async (v, { db, user, params }) =>
		triageIntake(db, user, params.id, { step: 'LINKED', personId: String(v.personId ?? '') })
	),
	register: formAction(async (_, { db, user, params }) => registerPersonFromIntake(db, user, params.id)),
	introduce: formAction(async (v, { db, user, params }) =>
		triageIntake(db, user, params.id, { step: 'INTRODUCED', groupId: String(v.groupId ?? '') })
	),
	refer: formAction(async (v, { db, user, params }) =>
		triageIntake(db, user, params.id, { step: 'REFERRED', courseId: String(v.courseId ?? ''), course: String(v.course ?? '') })
	),
	close: formAction(async (v, { db, user, params }) =>
		triageIntake(db, user, params.id, { step: 'CLOSED', reason: String(v.reason ?? '') })
	)
};

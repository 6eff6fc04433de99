// A district's queue and the triage of one intake, for its district's staff (and the
// organisation's administrators). An intake outside the actor's scope is NOT_FOUND to them.
import type { Db } from '../../db/client';
import { TriageInput, type ConsentScope, type IntakeKind, type IntakeQueueItem, type IntakeStatus } from '../../../shared/intake';
import type { EcosystemRole } from '../../../shared/databank';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { newId, personRows, PersonInput } from '../databank/people';
import { phoneDigits, searchKey } from '../persian';
import { covers, requireIntakeScope, scopeWhere, type IntakeScope } from './scope';
import { mayStep } from './triage';

type StepDetails = { groupId?: string; groupName?: string; courseId?: string; course?: string; reason?: string };

export type QueueFilter = 'open' | 'closed' | 'all';

/** The intake the actor handles, newest first; open ones unless asked otherwise. */
export async function intakeQueue(
	db: Db,
	actor: Actor,
	filter: QueueFilter = 'open'
): Promise<{ scope: IntakeScope; district: string | null; items: IntakeQueueItem[] }> {
	const scope = await requireIntakeScope(db, actor);
	const district = scope.all ? null : await db.district.findUnique({ where: { id: scope.districtId }, select: { name: true } });
	const status = filter === 'open' ? { not: 'CLOSED' as const } : filter === 'closed' ? ('CLOSED' as const) : undefined;
	const rows = await db.intake.findMany({
		where: { ...scopeWhere(scope), ...(status ? { status } : {}) },
		orderBy: { createdAt: 'desc' },
		take: 200,
		select: {
			id: true,
			trackingCode: true,
			kind: true,
			title: true,
			name: true,
			source: true,
			status: true,
			createdAt: true,
			district: { select: { name: true } }
		}
	});
	return {
		scope,
		district: district?.name ?? null,
		items: rows.map((r) => ({
			...r,
			kind: r.kind as IntakeKind,
			status: r.status as IntakeStatus,
			district: r.district.name,
			createdAt: r.createdAt.toISOString()
		}))
	};
}

async function intakeInScope(db: Db, actor: Actor, id: string) {
	const scope = await requireIntakeScope(db, actor);
	const intake = await db.intake.findUnique({ where: { id }, include: { district: { select: { id: true, name: true } } } });
	if (!intake || !covers(scope, intake)) throw new DomainError('NOT_FOUND', 'intake not found');
	return { scope, intake };
}

/** One intake with what triage needs: its steps, the consent, people it may be linked to
 * (in its district or in none: those whose name `query` holds, or else those with the same
 * phone, email or name) and the groups it may be introduced to (its district's and the
 * city-wide ones). */
export async function intakeForTriage(db: Db, actor: Actor, id: string, query = '') {
	const { intake } = await intakeInScope(db, actor, id);
	const events = await db.intakeEvent.findMany({
		where: { intakeId: id },
		orderBy: { at: 'asc' },
		select: { id: true, status: true, at: true, groupName: true, course: true, reason: true, byUser: { select: { name: true } } }
	});
	const consentBy = intake.consentById ? await db.user.findUnique({ where: { id: intake.consentById }, select: { name: true } }) : null;
	const person = intake.personId ? await db.person.findUnique({ where: { id: intake.personId }, select: { id: true, name: true } }) : null;
	const digits = intake.phone ? phoneDigits(intake.phone) : '';
	const typed = searchKey(query);
	const likely = [
		{ nameKey: searchKey(intake.name) },
		...(intake.email ? [{ email: intake.email }] : []),
		...(digits.length >= 7 ? [{ searchText: { contains: digits } }] : [])
	];
	const candidates = person
		? []
		: await db.person.findMany({
				where: {
					organisationId: intake.organisationId,
					archivedAt: null,
					mergedIntoId: null,
					OR: [{ districtId: intake.districtId }, { districtId: null }],
					AND: [typed.length >= 2 ? { nameKey: { contains: typed } } : { OR: likely }]
				},
				select: { id: true, name: true, phone: true, email: true },
				take: 10
			});
	const groups = await db.group.findMany({
		where: { organisationId: intake.organisationId, OR: [{ districtId: intake.districtId }, { districtId: null }] },
		select: { id: true, name: true },
		orderBy: { name: 'asc' }
	});
	const courses = await db.course.findMany({
		where: { organisationId: intake.organisationId, archivedAt: null },
		select: { id: true, title: true },
		orderBy: { createdAt: 'desc' },
		take: 100
	});
	return {
		courses,
		intake: {
			id: intake.id,
			trackingCode: intake.trackingCode,
			source: intake.source,
			status: intake.status as IntakeStatus,
			kind: intake.kind as IntakeKind,
			title: intake.title,
			description: intake.description,
			name: intake.name,
			phone: intake.phone,
			email: intake.email,
			district: intake.district.name,
			createdAt: intake.createdAt.toISOString(),
			consent: {
				scopes: intake.consentScopes.split(',').filter(Boolean) as ConsentScope[],
				at: intake.consentAt.toISOString(),
				by: consentBy?.name ?? null
			}
		},
		person,
		candidates,
		groups,
		events: events.map((e) => ({ ...e, status: e.status as IntakeStatus, at: e.at.toISOString(), by: e.byUser?.name ?? null }))
	};
}

/** Takes one triage step (shared/intake.ts TriageInput), if the intake's state allows it and
 * what it names is within reach: a person or group of its district (or of none). */
export async function triageIntake(db: Db, actor: Actor, id: string, input: TriageInput): Promise<{ status: IntakeStatus }> {
	const { intake } = await intakeInScope(db, actor, id);
	const step = parse(TriageInput, input);
	if (!mayStep(intake.status as IntakeStatus, step.step)) throw new DomainError('CONFLICT', `cannot ${step.step} from ${intake.status}`);
	const reach = { organisationId: intake.organisationId, OR: [{ districtId: intake.districtId }, { districtId: null }] };
	let event: StepDetails = {};
	let personId: string | undefined;
	if (step.step === 'LINKED') {
		const person = await db.person.findFirst({ where: { id: step.personId, archivedAt: null, ...reach }, select: { id: true } });
		if (!person) throw new DomainError('INVALID', 'person out of reach', { personId: 'unknown' });
		personId = person.id;
	} else if (step.step === 'INTRODUCED') {
		const group = await db.group.findFirst({ where: { id: step.groupId, ...reach }, select: { id: true, name: true } });
		if (!group) throw new DomainError('INVALID', 'group out of reach', { groupId: 'unknown' });
		event = { groupId: group.id, groupName: group.name };
	} else if (step.step === 'REFERRED') {
		const course = step.courseId
			? await db.course.findFirst({
					where: { id: step.courseId, organisationId: intake.organisationId, archivedAt: null },
					select: { id: true, title: true }
				})
			: null;
		if (step.courseId && !course) throw new DomainError('INVALID', 'course out of reach', { courseId: 'unknown' });
		event = course ? { courseId: course.id, course: course.title } : { course: step.course };
	} else event = { reason: step.reason };
	await record(db, actor, intake.id, intake.status as IntakeStatus, step.step, event, personId);
	return { status: step.step };
}

/** Moves the intake from the status it was read in, with its event, in one transaction; a
 * step taken by someone else meanwhile makes this one a CONFLICT rather than a double. */
async function record(
	db: Db,
	actor: Actor,
	id: string,
	from: IntakeStatus,
	to: IntakeStatus,
	event: StepDetails,
	personId?: string,
	before?: (tx: Db) => Promise<string>
): Promise<void> {
	await db.$transaction(async (tx) => {
		const linked = before ? await before(tx as Db) : personId;
		const moved = await tx.intake.updateMany({
			where: { id, status: from },
			data: { status: to, ...(linked ? { personId: linked } : {}) }
		});
		if (moved.count !== 1) throw new DomainError('CONFLICT', 'the intake moved on');
		await tx.intakeEvent.create({ data: { intakeId: id, status: to, byUserId: actor.userId, ...event } });
	});
}

const ROLE_OF: Record<IntakeKind, EcosystemRole> = { IDEA: 'IDEA_OWNER', CAPITAL: 'CAPITAL_OWNER', SKILLS: 'EXPERT', JOB: 'JOB_SEEKER' };

/** Registers the intake's citizen in the databank (in its district, consenting to be
 * introduced only if their consent covers it) and links the intake to them. */
export async function registerPersonFromIntake(db: Db, actor: Actor, id: string): Promise<{ personId: string }> {
	const { intake } = await intakeInScope(db, actor, id);
	if (!mayStep(intake.status as IntakeStatus, 'LINKED')) throw new DomainError('CONFLICT', `cannot link from ${intake.status}`);
	const kind = intake.kind as IntakeKind;
	const data = parse(PersonInput, {
		name: intake.name,
		email: intake.email,
		phone: intake.phone,
		districtId: intake.districtId,
		roles: [ROLE_OF[kind]],
		offers: intake.direction === 'OFFER' ? [kind] : [],
		seeks: intake.direction === 'SEEK' ? [kind] : [],
		bio: intake.title,
		consent: intake.consentScopes.split(',').includes('INTRODUCE')
	});
	if (data.email && (await db.person.count({ where: { organisationId: intake.organisationId, email: data.email } })))
		throw new DomainError('CONFLICT', 'email taken', { form: 'email_taken' });
	const rows = personRows(newId(), intake.organisationId, data);
	await record(db, actor, intake.id, intake.status as IntakeStatus, 'LINKED', {}, undefined, async (tx) => {
		await tx.person.create({ data: rows.person });
		await tx.personRole.createMany({ data: rows.roles });
		await tx.personExchange.createMany({ data: rows.exchanges });
		return rows.person.id;
	});
	return { personId: rows.person.id };
}

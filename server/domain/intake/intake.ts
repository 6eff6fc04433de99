// Intake coming in: the public "bring your idea" form and the district centre's front desk,
// and the public status page a tracking code opens.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import {
	DeskIntakeInput,
	KIND_DIRECTION,
	PublicIntakeInput,
	type IntakeKind,
	type IntakeStatus,
	type PublicIntakeStatus
} from '../../../shared/intake';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { reserveAttempt, type ThrottleRule } from '../sign-in-throttle';
import { checkFormToken, honeypotEmpty, type TokenRule } from './form-token';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code';
import { requireIntakeScope } from './scope';

const KEY = 'intake.form-key';

/** The key that signs the public form's time tokens, created on first use (another node may create it first). */
export async function intakeFormKey(db: Pick<Db, 'setting'>): Promise<string> {
	const existing = await db.setting.findUnique({ where: { key: KEY } });
	if (existing) return existing.value;
	try {
		await db.setting.create({ data: { key: KEY, value: randomBytes(32).toString('base64url') } });
	} catch {
		// Another node created it first.
	}
	return (await db.setting.findUniqueOrThrow({ where: { key: KEY } })).value;
}

/** The organisation the public form serves: the installation's first (one per deployment until
 * organisations have addresses of their own), with its open districts. */
export async function publicIntakeDistricts(db: Db): Promise<{ id: string; name: string; number: number | null }[]> {
	const org = await db.organisation.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
	if (!org) return [];
	return db.district.findMany({
		where: { organisationId: org.id, archivedAt: null },
		select: { id: true, name: true, number: true },
		orderBy: [{ number: 'asc' }, { name: 'asc' }]
	});
}

export interface PublicSubmission {
	/** The post's values as read: the honeypot and the token travel beside the input. */
	values: Record<string, unknown>;
	address: string;
	key: string;
	tokenRule: TokenRule;
	/** Submissions allowed per address (the sign-in throttle's table, key "intake:<address>"). */
	rateRule: ThrottleRule;
	now?: number;
}

/** Takes a submission of the public form: a person's (honeypot empty, token of a human age),
 * valid, for an open district, within the address's limit. Returns the tracking code. */
export async function submitPublicIntake(db: Db, s: PublicSubmission): Promise<{ trackingCode: string }> {
	const now = s.now ?? Date.now();
	if (!honeypotEmpty(s.values.website)) throw new DomainError('INVALID', 'honeypot', { form: 'spam' });
	const token = checkFormToken(s.key, String(s.values.token ?? ''), now, s.tokenRule);
	if (token !== 'ok') throw new DomainError('INVALID', `form token ${token}`, { form: `token_${token}` });
	const data = parse(PublicIntakeInput, s.values);
	const district = await db.district.findFirst({
		where: { id: data.districtId, archivedAt: null },
		select: { id: true, organisationId: true }
	});
	if (!district) throw new DomainError('INVALID', 'unknown district', { districtId: 'unknown' });
	// Counted before anything is written, never given back: the limit is on submissions.
	const reserved = await reserveAttempt(db, `intake:${s.address}`, s.rateRule, new Date(now));
	if (!reserved.ok) throw new DomainError('RATE_LIMITED', 'too many submissions', { form: 'RATE_LIMITED' });
	return createIntake(db, { ...data, organisationId: district.organisationId, source: 'PUBLIC', consentById: null, at: new Date(now) });
}

/** Registers a citizen at the front desk: their district (staff) or a chosen one
 * (administrators), with the consent the staff member recorded. Returns the intake's id. */
export async function registerAtDesk(
	db: Db,
	actor: Actor,
	input: DeskIntakeInput & { districtId?: string }
): Promise<{ id: string; trackingCode: string }> {
	const scope = await requireIntakeScope(db, actor);
	const data = parse(DeskIntakeInput, input);
	const districtId = scope.all ? String(input.districtId ?? '') : scope.districtId;
	const district = await db.district.findFirst({
		where: { id: districtId, organisationId: actor.organisationId, archivedAt: null },
		select: { id: true }
	});
	if (!district) throw new DomainError('INVALID', 'unknown district', { districtId: 'unknown' });
	return createIntake(db, {
		...data,
		districtId,
		organisationId: actor.organisationId,
		source: 'DESK',
		consentById: actor.userId,
		at: new Date()
	});
}

async function createIntake(
	db: Db,
	d: ReturnType<typeof DeskIntakeInput.parse> & {
		districtId: string;
		organisationId: string;
		source: 'DESK' | 'PUBLIC';
		consentById: string | null;
		at: Date;
	}
): Promise<{ id: string; trackingCode: string }> {
	for (let attempt = 0; ; attempt++) {
		const trackingCode = newTrackingCode();
		try {
			const intake = await db.intake.create({
				data: {
					organisationId: d.organisationId,
					districtId: d.districtId,
					trackingCode,
					source: d.source,
					kind: d.kind,
					direction: KIND_DIRECTION[d.kind],
					title: d.title,
					description: d.description,
					name: d.name,
					phone: d.phone,
					email: d.email,
					locale: d.locale,
					consentScopes: d.consent.join(','),
					consentAt: d.at,
					consentById: d.consentById,
					createdAt: d.at,
					events: { create: { status: 'RECEIVED', byUserId: d.consentById, at: d.at } }
				},
				select: { id: true, trackingCode: true }
			});
			return intake;
		} catch (e) {
			// 50 random bits collide about never; a second draw settles it.
			if (attempt < 3 && typeof e === 'object' && e && 'code' in e && (e as { code: string }).code === 'P2002') continue;
			throw e;
		}
	}
}

/** Where an intake stands, for whoever holds its code: its kind, district and steps, with
 * dates; no name, contact or text of the citizen's. */
export async function publicIntakeStatus(db: Db, code: string): Promise<PublicIntakeStatus> {
	const trackingCode = normaliseTrackingCode(code);
	const intake = trackingCode
		? await db.intake.findUnique({
				where: { trackingCode },
				select: {
					trackingCode: true,
					kind: true,
					status: true,
					createdAt: true,
					district: { select: { name: true } },
					events: { orderBy: { at: 'asc' }, select: { status: true, at: true, groupName: true, course: true, reason: true } }
				}
			})
		: null;
	if (!intake) throw new DomainError('NOT_FOUND', 'no intake with that code');
	return {
		trackingCode: intake.trackingCode,
		kind: intake.kind as IntakeKind,
		district: intake.district.name,
		status: intake.status as IntakeStatus,
		receivedAt: intake.createdAt.toISOString(),
		steps: intake.events.map((e) => ({
			status: e.status as IntakeStatus,
			at: e.at.toISOString(),
			...(e.groupName ? { group: e.groupName } : {}),
			...(e.course ? { course: e.course } : {}),
			...(e.reason ? { reason: e.reason } : {})
		}))
	};
}

/** The districts a desk registration may be for: the staff member's own, or (administrators) any open one. */
export async function deskDistricts(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
	const scope = await requireIntakeScope(db, actor);
	return db.district.findMany({
		where: { organisationId: actor.organisationId, archivedAt: null, ...(scope.all ? {} : { id: scope.districtId }) },
		select: { id: true, name: true },
		orderBy: [{ number: 'asc' }, { name: 'asc' }]
	});
}

// Certificates: issued on completion with a verification code and the organisation's
// signature, shown to their holder and the people who run the course, revoked (with a
// reason) by administrators, and verified by anyone who has the code.
import type { Db } from '../../db/client';
import { mayAdminister, type Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { todayIn } from '../../../shared/action-items';
import { normaliseCode, RevokeInput, type CourseKind, type Verification, type VerifiedFacts } from '../../../shared/courses';
import { isCodeShape, newCode } from './rules';
import { signatureHolds, signFields, type CertificateKeys, type SignedFields } from './signing';

/** The organisations' calendar day for "completed on" (organisations have no zone of their own yet). */
export const CERTIFICATE_TIME_ZONE = 'Asia/Tehran';

/** Issues the certificate of a just-completed enrolment (inside completion's transaction). */
export async function issueCertificate(
	db: Db,
	keys: CertificateKeys,
	actor: Actor,
	enrolmentId: string,
	now: Date
): Promise<{ certificateId: string; code: string }> {
	const e = await db.enrolment.findUniqueOrThrow({
		where: { id: enrolmentId },
		select: {
			person: { select: { name: true } },
			course: { select: { id: true, title: true, kind: true, organisation: { select: { id: true, name: true } } } }
		}
	});
	// Milliseconds are dropped: every database keeps the issue time to the second the same way.
	const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
	const fields: SignedFields = {
		code: newCode(),
		organisationId: e.course.organisation.id,
		organisationName: e.course.organisation.name,
		holderName: e.person.name,
		courseTitle: e.course.title,
		courseKind: e.course.kind,
		completedOn: todayIn(CERTIFICATE_TIME_ZONE, now),
		issuedAt
	};
	const c = await db.certificate.create({
		data: {
			...fields,
			courseId: e.course.id,
			enrolmentId,
			issuedById: actor.userId,
			keyId: keys.keyId,
			signature: signFields(keys, fields)
		},
		select: { id: true, code: true }
	});
	return { certificateId: c.id, code: c.code };
}

type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;
const findCertificate = (db: Db, where: { id: string } | { code: string }) =>
	db.certificate.findUnique({
		where,
		include: { enrolment: { select: { personId: true } }, course: { select: { coordinators: { select: { personId: true } } } } }
	});

const signedFieldsOf = (c: CertificateRow): SignedFields => ({
	code: c.code,
	organisationId: c.organisationId,
	organisationName: c.organisationName,
	holderName: c.holderName,
	courseTitle: c.courseTitle,
	courseKind: c.courseKind as CourseKind,
	completedOn: c.completedOn,
	issuedAt: c.issuedAt
});

const factsOf = (c: CertificateRow): VerifiedFacts => ({
	code: c.code,
	holderName: c.holderName,
	courseTitle: c.courseTitle,
	courseKind: c.courseKind as CourseKind,
	organisationName: c.organisationName,
	completedOn: c.completedOn,
	issuedAt: c.issuedAt.toISOString()
});

/** The verdict on one stored certificate: its signature first, then whether it is revoked. */
export function verdictOf(keys: CertificateKeys, c: CertificateRow): Verification {
	if (!signatureHolds(keys, signedFieldsOf(c), c.keyId, c.signature)) return { status: 'INVALID' };
	if (c.revokedAt) return { status: 'REVOKED', ...factsOf(c), revokedAt: c.revokedAt.toISOString(), reason: c.revokedReason ?? '' };
	return { status: 'VALID', ...factsOf(c) };
}

/** The public verification of a code as typed or scanned: valid, revoked (with the reason),
 * not valid (the record does not carry our signature), or not found. Needs no account and
 * tells nothing beyond the holder's name, the course and the dates. */
export async function verifyCode(db: Db, keys: CertificateKeys, raw: string): Promise<Verification> {
	const code = normaliseCode(raw);
	if (!isCodeShape(code)) return { status: 'NOT_FOUND' };
	const c = await findCertificate(db, { code });
	return c ? verdictOf(keys, c) : { status: 'NOT_FOUND' };
}

export interface CertificateView {
	id: string;
	courseId: string;
	verification: Exclude<Verification, { status: 'NOT_FOUND' }>;
	/** The facts as stored, for the printed page even when the signature fails (it says so). */
	facts: VerifiedFacts;
	signature: string;
	keyId: string;
	revokedAt: string | null;
	revokedReason: string | null;
	mayRevoke: boolean;
}

/** The certificate if the actor may read it: its holder, the course's coordinators and the
 * organisation's administrators; to anyone else it does not exist. */
async function readableCertificate(db: Db, actor: Actor, id: string): Promise<CertificateRow> {
	const c = await findCertificate(db, { id });
	if (!c || c.organisationId !== actor.organisationId) throw new DomainError('NOT_FOUND', 'certificate not found');
	const mine = actor.personId !== null && c.enrolment.personId === actor.personId;
	const coordinates = actor.personId !== null && c.course.coordinators.some((k) => k.personId === actor.personId);
	if (!mine && !coordinates && !mayAdminister(actor)) throw new DomainError('NOT_FOUND', 'certificate not found');
	return c;
}

/** A certificate for its printable page: its holder, the course's coordinators and the
 * organisation's administrators read it; to anyone else it does not exist. */
export async function certificateView(db: Db, keys: CertificateKeys, actor: Actor, id: string): Promise<CertificateView> {
	const c = await readableCertificate(db, actor, id);
	const verification = verdictOf(keys, c) as CertificateView['verification'];
	return {
		id: c.id,
		courseId: c.courseId,
		verification,
		facts: factsOf(c),
		signature: c.signature,
		keyId: c.keyId,
		revokedAt: c.revokedAt?.toISOString() ?? null,
		revokedReason: c.revokedReason,
		mayRevoke: mayAdminister(actor) && !c.revokedAt
	};
}

/** Revokes a certificate with a reason (administrators); the public page says so from then on. */
export async function revokeCertificate(db: Db, actor: Actor, id: string, input: { reason?: string }): Promise<void> {
	await readableCertificate(db, actor, id);
	if (!mayAdminister(actor)) throw new DomainError('FORBIDDEN', 'administrators only');
	const { reason } = parse(RevokeInput, input);
	const done = await db.certificate.updateMany({
		where: { id, revokedAt: null },
		data: { revokedAt: new Date(), revokedReason: reason, revokedById: actor.userId }
	});
	if (done.count === 0) throw new DomainError('CONFLICT', 'already revoked', { form: 'already_revoked' });
}

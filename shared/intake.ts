// Intake at district centres: the vocabulary and input shapes shared by the server and the
// web app (server/domain/intake holds the rules).
import { z } from 'zod';

/** What a citizen brings or seeks, as the forms offer it, and how the databank records it. */
export const INTAKE_KINDS = ['IDEA', 'CAPITAL', 'SKILLS', 'JOB'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];
export const KIND_DIRECTION: Record<IntakeKind, 'OFFER' | 'SEEK'> = { IDEA: 'OFFER', CAPITAL: 'OFFER', SKILLS: 'OFFER', JOB: 'SEEK' };

/** What a consent may cover. STORE (keeping the details to handle the intake) is required;
 * CONTACT and INTRODUCE (to others in the databank) are the citizen's choice. */
export const CONSENT_SCOPES = ['STORE', 'CONTACT', 'INTRODUCE'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const INTAKE_STATUSES = ['RECEIVED', 'LINKED', 'INTRODUCED', 'REFERRED', 'CLOSED'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** The triage steps staff take (each moves the status to its own name). */
export const TRIAGE_STEPS = ['LINKED', 'INTRODUCED', 'REFERRED', 'CLOSED'] as const;
export type TriageStep = (typeof TRIAGE_STEPS)[number];

const nullIfEmpty = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));
/** Digits in any script, spaces, dashes, brackets, a leading + (as the databank's PHONE). */
const PHONE = /^\+?[0-9\u06F0-\u06F9\u0660-\u0669][0-9\u06F0-\u06F9\u0660-\u0669 ()-]{3,29}$/;
const scopes = z
	.array(z.enum(CONSENT_SCOPES))
	.default([])
	.transform((s) => [...new Set(s)])
	.refine((s) => s.includes('STORE'), 'consent_required');

/** What a citizen tells about themselves and their idea, on either form. */
const IntakeFields = z.object({
	kind: z.enum(INTAKE_KINDS, 'required'),
	title: z.string().trim().min(3, 'too_short').max(200, 'too_long'),
	description: z.string().trim().max(4000, 'too_long').default(''),
	name: z.string().trim().min(1, 'required').max(200, 'too_long'),
	phone: z.preprocess(nullIfEmpty, z.string().regex(PHONE, 'invalid_phone').nullable()),
	email: z.preprocess(
		(v) => (typeof v === 'string' ? nullIfEmpty(v.toLowerCase()) : (v ?? null)),
		z.email('invalid_email').max(254, 'too_long').nullable()
	),
	consent: scopes
});

/** The public "bring your idea" form: the citizen picks the district and gives consent themselves. */
export const PublicIntakeInput = IntakeFields.extend({
	districtId: z.string().min(1, 'required').max(40),
	locale: z.enum(['fa', 'en']).default('fa')
}).refine((d) => d.phone || d.email, { message: 'contact_required', path: ['phone'] });
/** What a caller passes; the schemas decide what is valid. */
export interface IntakeFieldsInput {
	kind: IntakeKind | string;
	title: string;
	description?: string;
	name: string;
	phone?: string | null;
	email?: string | null;
	consent?: string[];
	locale?: string;
}
export type PublicIntakeInput = IntakeFieldsInput & { districtId: string };

/** The front desk's form: staff register a citizen who is with them, in their own district. */
export const DeskIntakeInput = IntakeFields.extend({ locale: z.enum(['fa', 'en']).default('fa') });
export type DeskIntakeInput = IntakeFieldsInput;

/** One triage step; which fields it needs depends on the step (server/domain/intake/triage.ts). */
export const TriageInput = z.discriminatedUnion('step', [
	z.object({ step: z.literal('LINKED'), personId: z.string().min(1, 'required').max(40) }),
	z.object({ step: z.literal('INTRODUCED'), groupId: z.string().min(1, 'required').max(40) }),
	z
		.object({
			step: z.literal('REFERRED'),
			/** One of the organisation's courses, or (empty) the course named in `course`. */
			courseId: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
			course: z.string().trim().max(200, 'too_long').default('')
		})
		.refine((d) => d.courseId || d.course.length >= 2, { message: 'required', path: ['course'] }),
	z.object({ step: z.literal('CLOSED'), reason: z.string().trim().min(3, 'required').max(500, 'too_long') })
]);
export type TriageInput = z.input<typeof TriageInput>;

/** What the public status page shows: where it stands, never who brought it. */
export interface PublicIntakeStatus {
	trackingCode: string;
	kind: IntakeKind;
	district: string;
	status: IntakeStatus;
	receivedAt: string;
	steps: { status: IntakeStatus; at: string; group?: string; course?: string; reason?: string }[];
}

/** A row of a district's queue. */
export interface IntakeQueueItem {
	id: string;
	trackingCode: string;
	kind: IntakeKind;
	title: string;
	name: string;
	source: 'DESK' | 'PUBLIC';
	status: IntakeStatus;
	district: string;
	createdAt: string;
}

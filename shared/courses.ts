// Courses and certificates (issue 18): the shapes both the server and the web app use.
import { z } from 'zod';

export const COURSE_KINDS = ['SELF_EMPLOYMENT', 'TRADE', 'HOME_BUSINESS', 'OTHER'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export type EnrolmentStatus = 'ENROLLED' | 'COMPLETED' | 'WITHDRAWN';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const id = z.string().min(1, 'required').max(40);

export const CourseInput = z.object({
	title: z.string().trim().min(2, 'too_short').max(150, 'too_long'),
	kind: z.enum(COURSE_KINDS, 'required'),
	description: z.string().trim().max(2000, 'too_long').default(''),
	minAttendance: z.coerce.number().int('invalid').min(1, 'invalid').max(100, 'invalid').default(75)
});
export type CourseInput = z.input<typeof CourseInput>;

export const SessionInput = z.object({
	day: z.string().regex(DAY, 'invalid'),
	topic: z.string().trim().max(200, 'too_long').default('')
});
export type SessionInput = z.input<typeof SessionInput>;

export const PersonRef = z.object({ personId: id });

/** One session's register: the enrolments ticked present (the others are recorded absent). */
export const AttendanceInput = z.object({ present: z.array(id).max(2000).default([]) });

export const RevokeInput = z.object({ reason: z.string().trim().min(3, 'too_short').max(500, 'too_long') });

/** A verification code as people type it: letters in either case, with or without dashes
 * and spaces, Persian or Arabic digits, and the letters Crockford's base32 reads as digits. */
export function normaliseCode(raw: string): string {
	const digits = raw.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
	return digits
		.toUpperCase()
		.replace(/[\s\-‐-―_]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1')
		.slice(0, 32);
}

/** A code written in groups of four for reading aloud and typing: ABCD-EFGH-JKMN. */
export const groupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** What the public verification page may show: the holder's name and the course, no more. */
export type Verification =
	| { status: 'NOT_FOUND' }
	| { status: 'INVALID' }
	| ({ status: 'VALID' } & VerifiedFacts)
	| ({ status: 'REVOKED'; revokedAt: string; reason: string } & VerifiedFacts);

export interface VerifiedFacts {
	code: string;
	holderName: string;
	courseTitle: string;
	courseKind: CourseKind;
	organisationName: string;
	completedOn: string;
	issuedAt: string;
}

/** A person's attendance against the course's completion rule. */
export interface Progress {
	attended: number;
	total: number;
	required: number;
	/** Whether the completion rule is met: at least one session, and enough of them attended. */
	eligible: boolean;
}

export interface CourseRights {
	courseId: string;
	/** Sessions, enrolment, attendance, completion. */
	canRun: boolean;
	/** The course's own settings, its coordinators, revoking its certificates. */
	canAdminister: boolean;
}

export interface EnrolmentRow {
	id: string;
	personId: string;
	name: string;
	status: EnrolmentStatus;
	progress: Progress;
	certificateId: string | null;
	revoked: boolean;
}

/** A course as the people who run it see it. */
export interface CourseDetail {
	id: string;
	title: string;
	kind: CourseKind;
	description: string;
	minAttendance: number;
	rights: CourseRights;
	coordinators: { personId: string; name: string }[];
	sessions: { id: string; day: string; topic: string; recorded: number }[];
	enrolments: EnrolmentRow[];
}

// The pure rules of courses: when a session may be marked, what completing asks for, how an
// enrolment moves, and how verification codes are made.
import { randomBytes } from 'node:crypto';
import type { EnrolmentStatus, Progress } from '../../../shared/courses';

export type { Progress } from '../../../shared/courses';

/** Sessions a person must attend to complete: the course's share of all its sessions, rounded up. */
export const requiredSessions = (total: number, minAttendance: number): number => Math.ceil((total * minAttendance) / 100);

/** A person's progress in a course from the course's sessions and the ones they attended. */
export function progressOf(sessionIds: readonly string[], attendedIds: ReadonlySet<string>, minAttendance: number): Progress {
	const total = sessionIds.length;
	const attended = sessionIds.filter((s) => attendedIds.has(s)).length;
	const required = requiredSessions(total, minAttendance);
	return { attended, total, required, eligible: total > 0 && attended >= required };
}

/** The latest calendar day it is anywhere on Earth now (UTC+14): a session on a later day has
 * not begun for anyone, so nobody can have attended it yet. */
export const latestToday = (now: Date = new Date()): string => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** Whether attendance may be recorded for a session on this day. */
export const sessionHeld = (day: string, now: Date = new Date()): boolean => day <= latestToday(now);

export type EnrolmentMove = 'enrol' | 'withdraw' | 'attend' | 'complete';

/** Which moves an enrolment in a given state allows (null: not enrolled yet). A completed
 * enrolment is final: its certificate stands until revoked, which is the certificate's own move. */
export function moveAllowed(status: EnrolmentStatus | null, move: EnrolmentMove): boolean {
	switch (move) {
		case 'enrol':
			return status === null || status === 'WITHDRAWN';
		case 'withdraw':
		case 'attend':
		case 'complete':
			return status === 'ENROLLED';
	}
}

// Crockford's base32: no I, L, O or U, so a code read aloud or typed by hand is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** A fresh verification code: 12 characters of base32, 60 random bits, not guessable in bulk. */
export function newCode(): string {
	const bytes = randomBytes(CODE_LENGTH);
	return [...bytes].map((b) => ALPHABET[b & 31]).join('');
}

export const isCodeShape = (code: string): boolean => code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));

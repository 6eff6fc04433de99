// The certificate's signature and the courses' pure rules: a certificate verifies only with
// the organisation's key and only over exactly the fields it was issued with; completion
// asks for the course's share of sessions; codes are typed forgivingly and guessed hardly.
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import {
	canonicalBytes,
	keysFrom,
	newPrivateKeyPem,
	signatureHolds,
	signFields,
	type SignedFields
} from '../../server/domain/courses/signing';
import {
	isCodeShape,
	latestToday,
	moveAllowed,
	newCode,
	progressOf,
	requiredSessions,
	sessionHeld
} from '../../server/domain/courses/rules';
import { groupCode, normaliseCode } from '../../shared/courses';

const keys = keysFrom(newPrivateKeyPem());
const fields: SignedFields = {
	code: 'K7M2Q9TZX4RB',
	organisationId: 'org1',
	organisationName: 'سازمان رفاه شهر',
	holderName: 'مریم احمدی',
	courseTitle: 'کسب‌وکار خانگی: از ایده تا فروش',
	courseKind: 'HOME_BUSINESS',
	completedOn: '2026-12-02',
	issuedAt: new Date('2026-12-02T10:00:00Z')
};

describe('signing', () => {
	it('a certificate signed with the organisation key verifies', () => {
		const signature = signFields(keys, fields);
		expect(signatureHolds(keys, fields, keys.keyId, signature)).toBe(true);
	});

	it('a forged signature (another Ed25519 key, or random bytes) does not', () => {
		const forger = keysFrom(newPrivateKeyPem());
		const forged = signFields(forger, fields);
		// Even claiming our key id, the forger's signature fails against our public key.
		expect(signatureHolds(keys, fields, keys.keyId, forged)).toBe(false);
		expect(signatureHolds(keys, fields, forger.keyId, forged)).toBe(false);
		expect(signatureHolds(keys, fields, keys.keyId, Buffer.alloc(64, 7).toString('base64url'))).toBe(false);
		expect(signatureHolds(keys, fields, keys.keyId, 'not base64 at all!')).toBe(false);
	});

	it('a tampered field, any of them, breaks the signature', () => {
		const signature = signFields(keys, fields);
		const tampered: Partial<SignedFields>[] = [
			{ holderName: 'مریم احمدى' }, // one letter: Arabic yeh for Persian yeh
			{ courseTitle: 'کسب‌وکار خانگی' },
			{ courseKind: 'TRADE' },
			{ completedOn: '2026-12-01' },
			{ issuedAt: new Date('2026-12-02T10:00:01Z') },
			{ code: 'K7M2Q9TZX4RC' },
			{ organisationId: 'org2' },
			{ organisationName: 'سازمان دیگر' }
		];
		for (const change of tampered)
			expect(signatureHolds(keys, { ...fields, ...change }, keys.keyId, signature), JSON.stringify(change)).toBe(false);
	});

	it('fields cannot be moved between each other (the canonical form is an ordered array)', () => {
		const swapped = { ...fields, holderName: fields.courseTitle, courseTitle: fields.holderName };
		expect(canonicalBytes(swapped).equals(canonicalBytes(fields))).toBe(false);
		expect(signatureHolds(keys, swapped, keys.keyId, signFields(keys, fields))).toBe(false);
	});

	it('reads the configured key as PEM (with \\n written out) or as base64 DER, and refuses other kinds of key', () => {
		const pem = newPrivateKeyPem();
		const a = keysFrom(pem);
		expect(keysFrom(pem.replace(/\n/g, '\\n')).keyId).toBe(a.keyId);
		const der = a.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
		expect(keysFrom(der).keyId).toBe(a.keyId);
		expect(a.publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
		expect(() => keysFrom(rsa)).toThrow(/Ed25519/);
	});
});

describe('the completion rule', () => {
	it('asks for the course share of its sessions, rounded up, and at least one session', () => {
		expect(requiredSessions(4, 75)).toBe(3);
		expect(requiredSessions(5, 75)).toBe(4);
		expect(requiredSessions(3, 100)).toBe(3);
		expect(progressOf([], new Set(), 75)).toMatchObject({ total: 0, eligible: false });
		expect(progressOf(['a', 'b', 'c', 'd'], new Set(['a', 'b']), 75)).toMatchObject({ attended: 2, required: 3, eligible: false });
		expect(progressOf(['a', 'b', 'c', 'd'], new Set(['a', 'b', 'd']), 75)).toMatchObject({ attended: 3, eligible: true });
		// Attendance at a session that was removed since does not count.
		expect(progressOf(['a', 'b'], new Set(['x', 'y', 'a']), 100)).toMatchObject({ attended: 1, eligible: false });
	});

	it('marks sessions once their day has begun somewhere, not before', () => {
		const now = new Date('2026-12-02T09:00:00Z');
		expect(latestToday(now)).toBe('2026-12-02');
		expect(sessionHeld('2026-12-02', now)).toBe(true);
		expect(sessionHeld('2026-11-20', now)).toBe(true);
		expect(sessionHeld('2026-12-03', now)).toBe(false);
		expect(sessionHeld('2026-12-03', new Date('2026-12-02T10:00:00Z'))).toBe(true); // already the 3rd at UTC+14
	});

	it('moves an enrolment only as its state allows', () => {
		expect(moveAllowed(null, 'enrol')).toBe(true);
		expect(moveAllowed('WITHDRAWN', 'enrol')).toBe(true);
		expect(moveAllowed('ENROLLED', 'enrol')).toBe(false);
		expect(moveAllowed('COMPLETED', 'enrol')).toBe(false);
		for (const move of ['withdraw', 'attend', 'complete'] as const) {
			expect(moveAllowed('ENROLLED', move)).toBe(true);
			expect(moveAllowed('COMPLETED', move)).toBe(false);
			expect(moveAllowed('WITHDRAWN', move)).toBe(false);
		}
	});
});

describe('verification codes', () => {
	it('are 12 characters of Crockford base32 and do not repeat', () => {
		const codes = new Set(Array.from({ length: 2000 }, newCode));
		expect(codes.size).toBe(2000);
		for (const c of codes) expect(isCodeShape(c)).toBe(true);
	});

	it('are read as typed: lower case, dashes and spaces, Persian digits, O for 0 and I or L for 1', () => {
		expect(normaliseCode('k7m2-q9tz-x4rb')).toBe('K7M2Q9TZX4RB');
		expect(normaliseCode(' K7M2 Q9TZ X4RB ')).toBe('K7M2Q9TZX4RB');
		expect(normaliseCode('AB۱۲-٣٤CD-OOIL')).toBe('AB1234CD0011');
		expect(groupCode('K7M2Q9TZX4RB')).toBe('K7M2-Q9TZ-X4RB');
		expect(isCodeShape(normaliseCode('K7M2-Q9TZ-X4RU'))).toBe(false); // U is not in the alphabet
	});
});

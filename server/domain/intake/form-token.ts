// Spam resistance of the public form without third parties: a signed time token (the form
// must have been opened a few seconds before it is sent, and not too long ago) and a honeypot
// field people never see and bots fill in. Together with a per-address limit (intake.ts),
// that stops the scripted posts a public form gets; it is no defence against a patient human.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenRule {
	/** A form sent sooner than this after it was shown was not filled in by a person. */
	minAgeMs: number;
	/** An older token is stale: the form is shown again with a fresh one. */
	maxAgeMs: number;
}

export const FORM_TOKEN_RULE: TokenRule = { minAgeMs: 3_000, maxAgeMs: 2 * 3_600_000 };

/** The name of the honeypot field; hidden from people and from assistive technology. */
export const HONEYPOT = 'website';

const sign = (key: string, issued: string) => createHmac('sha256', key).update(`intake-form\n${issued}`).digest('base64url').slice(0, 24);

/** A token for a form shown now. */
export function issueFormToken(key: string, now = Date.now()): string {
	const issued = now.toString(36);
	return `${issued}.${sign(key, issued)}`;
}

export type TokenCheck = 'ok' | 'forged' | 'too_fast' | 'stale';

/** Whether a sent token is genuine and of an age a person filling in the form would have. */
export function checkFormToken(key: string, token: string, now = Date.now(), rule: TokenRule = FORM_TOKEN_RULE): TokenCheck {
	const [issued, signature, ...rest] = token.split('.');
	if (rest.length || !issued || !signature) return 'forged';
	const expected = Buffer.from(sign(key, issued));
	const given = Buffer.from(signature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
	const age = now - parseInt(issued, 36);
	if (!(age >= rule.minAgeMs)) return 'too_fast';
	return age > rule.maxAgeMs ? 'stale' : 'ok';
}

/** Whether the honeypot was left empty, as a person leaves it. */
export const honeypotEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

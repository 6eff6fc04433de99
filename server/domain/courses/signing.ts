// The organisation's certificate signature: Ed25519 (node:crypto) over a canonical form of
// what a certificate says. A row altered after issue (another name, another course, another
// day) or a row written without the private key no longer verifies; the public key is
// published at /verify/key so that anyone can check a certificate without us.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../../db/client';
import type { CourseKind } from '../../../shared/courses';

export interface CertificateKeys {
	/** A fingerprint of the public key, stored with each certificate it signs. */
	keyId: string;
	privateKey: KeyObject;
	publicKey: KeyObject;
	/** The public key as SPKI PEM, for /verify/key. */
	publicPem: string;
}

/** What is signed, in this order. Revocation is not: it is a later state of the record. */
export interface SignedFields {
	code: string;
	organisationId: string;
	organisationName: string;
	holderName: string;
	courseTitle: string;
	courseKind: CourseKind;
	completedOn: string;
	issuedAt: Date;
}

const FORMAT = 'rahkar-certificate/1';

/** The bytes that are signed: a JSON array in a fixed order, so no field can move or hide. */
export function canonicalBytes(f: SignedFields): Buffer {
	return Buffer.from(
		JSON.stringify([
			FORMAT,
			f.code,
			f.organisationId,
			f.organisationName,
			f.holderName,
			f.courseTitle,
			f.courseKind,
			f.completedOn,
			f.issuedAt.toISOString()
		]),
		'utf8'
	);
}

export function signFields(keys: CertificateKeys, f: SignedFields): string {
	return sign(null, canonicalBytes(f), keys.privateKey).toString('base64url');
}

/** Whether the signature is this key's over exactly these fields. */
export function signatureHolds(keys: CertificateKeys, f: SignedFields, keyId: string, signature: string): boolean {
	if (keyId !== keys.keyId) return false;
	try {
		return verify(null, canonicalBytes(f), keys.publicKey, Buffer.from(signature, 'base64url'));
	} catch {
		return false;
	}
}

/** The keys from a private key: PEM (PKCS#8, `\n` may be written as the two characters) or
 * the base64 of its DER. Throws unless it is an Ed25519 private key. */
export function keysFrom(privateKeyText: string): CertificateKeys {
	const text = privateKeyText.trim().replace(/\\n/g, '\n');
	const privateKey = text.startsWith('-----BEGIN')
		? createPrivateKey(text)
		: createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
	if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('RAHKAR_CERTIFICATE_KEY must be an Ed25519 private key');
	const publicKey = createPublicKey(privateKey);
	const der = publicKey.export({ format: 'der', type: 'spki' });
	return {
		keyId: createHash('sha256').update(der).digest('base64url').slice(0, 16),
		privateKey,
		publicKey,
		publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString()
	};
}

/** A fresh Ed25519 private key as PKCS#8 PEM. */
export const newPrivateKeyPem = (): string => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

const SETTING = 'certificates.signingKey';

/** The signing keys: RAHKAR_CERTIFICATE_KEY when configured; otherwise (development, tests, a
 * first try) one generated on first start and kept in the database, so every node and every
 * restart signs and verifies with the same key. `generated` says which it was. */
export async function certificateKeys(db: Db, configured?: string): Promise<CertificateKeys & { generated: boolean }> {
	if (configured) return { ...keysFrom(configured), generated: false };
	const existing = await db.setting.findUnique({ where: { key: SETTING } });
	if (existing) return { ...keysFrom(existing.value), generated: true };
	try {
		await db.setting.create({ data: { key: SETTING, value: newPrivateKeyPem() } });
	} catch {
		// Another node stored one first: use theirs.
	}
	return { ...keysFrom((await db.setting.findUniqueOrThrow({ where: { key: SETTING } })).value), generated: true };
}

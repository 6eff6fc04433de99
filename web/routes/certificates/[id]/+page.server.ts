import { certificateView, revokeCertificate } from '$server/domain/courses/certificates';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { formAction } from '$lib/server/form-action';
import { qrPath } from '$lib/server/qr';
import type { Actions, PageServerLoad } from './$types';

/** The printable certificate, with the QR code of its public verification page. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const certificate = await domainCall(() => certificateView(locals.services.db, locals.services.certificates, user, params.id));
	const verifyUrl = `${url.origin}/verify/${certificate.facts.code}`;
	return { certificate, verifyUrl, qr: qrPath(verifyUrl) };
};

export const actions: Actions = {
	// Validated by the domain (RevokeInput).
	revoke: formAction(async (v, { db, user, params }) => {
		await revokeCertificate(db, user, params.id, { reason: typeof v.reason === 'string' ? v.reason : '' });
		return { revoked: true };
	})
};

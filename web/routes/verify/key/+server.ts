import type { RequestHandler } from './$types';

/** Public: the organisation's certificate-signing public key (SPKI PEM), for checking a
 * certificate's signature without Rahkar. */
export const GET: RequestHandler = ({ locals }) =>
	new Response(locals.services.certificates.publicPem, {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'x-key-id': locals.services.certificates.keyId }
	});

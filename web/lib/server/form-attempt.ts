import { fail } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';

/** Runs a domain change from a form action; a refusal becomes `fail(status, { error })`
 * for the form to show, instead of an error page. Resolves null on success. */
export async function attempt(run: () => Promise<unknown>) {
	try {
		await run();
		return null;
	} catch (e) {
		if (e instanceof DomainError) return fail(httpStatus(e.code), { error: e.code });
		throw e;
	}
}

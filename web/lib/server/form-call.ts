import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';

export interface FormFailure {
	/** Field name → short error code (see web/lib/databank/labels.ts, errorText). */
	errors: Record<string, string>;
	/** What the user sent, to fill the form again. */
	values?: Record<string, unknown>;
}

/** Runs a domain call from a form action. Errors about the input come back to the form as
 * `fail(400, { errors, values })`; any other domain error becomes an HTTP error. */
export async function formCall<T>(
	values: Record<string, unknown> | undefined,
	run: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; failure: ActionFailure<FormFailure> }> {
	try {
		return { ok: true, value: await run() };
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		if (e.code === 'INVALID' || e.code === 'CONFLICT') {
			return { ok: false, failure: fail(400, { errors: e.fields ?? { form: e.code.toLowerCase() }, values }) };
		}
		error(httpStatus(e.code), { message: e.code });
	}
}

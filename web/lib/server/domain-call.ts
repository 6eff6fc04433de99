import { error } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$server/domain/errors';

/** Runs a domain call from a load or action, turning domain errors into HTTP errors. */
export async function domainCall<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof DomainError) error(httpStatus(e.code), { message: e.code });
		throw e;
	}
}

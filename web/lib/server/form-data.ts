// Reading HTML form posts into plain objects for the domain's schemas.
import { error, type Handle } from '@sveltejs/kit';

/** A body that cannot be read as a form (a multipart body with a bad boundary, say) is the
 * client's mistake: every form action reads its body with request.formData(), so that one
 * method is wrapped here, once per request, to answer 400 instead of crashing with a 500.
 * (SvelteKit treats error() as expected: it is not reported to handleError.) */
export const malformedFormsAreBadRequests: Handle = ({ event, resolve }) => {
	const request = event.request;
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		const parse = request.formData.bind(request);
		Object.defineProperty(request, 'formData', {
			configurable: true,
			value: () =>
				parse().catch((e: unknown) => {
					// undici rejects an unparsable body with a TypeError; anything else (a body
					// over the size limit, say) keeps its own answer.
					if (e instanceof TypeError) error(400, { message: 'MALFORMED_FORM' });
					throw e;
				})
		});
	}
	return resolve(event);
};

/** Text fields as strings, `arrays` as every value sent under that name, `booleans` as
 * whether a checkbox was sent at all. Files are ignored. */
export function formObject(form: FormData, spec: { arrays?: string[]; booleans?: string[] } = {}): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !(spec.arrays ?? []).includes(key)) out[key] = value;
	for (const key of spec.arrays ?? []) out[key] = form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');
	for (const key of spec.booleans ?? []) out[key] = form.has(key);
	return out;
}

/** Reads just these text fields, '' for one not sent (what the domain's schemas expect). */
export const formTexts =
	(names: readonly string[]) =>
	(form: FormData): Record<string, string> =>
		Object.fromEntries(
			names.map((name) => {
				const v = form.get(name);
				return [name, typeof v === 'string' ? v : ''];
			})
		);

/** A search form's query string as an object (repeated names become arrays). */
export function queryObject(params: URLSearchParams, arrays: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of params) if (!arrays.includes(key)) out[key] = value;
	for (const key of arrays) out[key] = params.getAll(key).filter(Boolean);
	return out;
}

// Reading HTML form posts into plain objects for the domain's schemas.

/** Text fields as strings, `arrays` as every value sent under that name, `booleans` as
 * whether a checkbox was sent at all. Files are ignored. */
export function formObject(form: FormData, spec: { arrays?: string[]; booleans?: string[] } = {}): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !(spec.arrays ?? []).includes(key)) out[key] = value;
	for (const key of spec.arrays ?? []) out[key] = form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');
	for (const key of spec.booleans ?? []) out[key] = form.has(key);
	return out;
}

/** A search form's query string as an object (repeated names become arrays). */
export function queryObject(params: URLSearchParams, arrays: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of params) if (!arrays.includes(key)) out[key] = value;
	for (const key of arrays) out[key] = params.getAll(key).filter(Boolean);
	return out;
}

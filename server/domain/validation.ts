// Input validation shared by the domain modules: a zod failure becomes one INVALID error
// carrying a short code per field, which a form shows next to that field.
import type { z } from 'zod';
import { DomainError } from './errors';

/** Parses input with a schema; failures become INVALID with the first message per field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const r = schema.safeParse(input);
	if (r.success) return r.data;
	throw new DomainError('INVALID', 'invalid input', fieldErrors(r.error));
}

/** The first issue per top-level field, as { field: code }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message.length <= 20 && /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
	}
	return out;
}

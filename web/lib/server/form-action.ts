// The one door for form actions, as `handled(schema, domainFn)` is for socket events: it
// requires the signed-in user, reads the post into plain values, parses them (with a schema
// from shared/, or none when the domain parses its own input), calls the domain, and turns a
// refusal into the one answer every form renders (FormFailure, shared/forms.ts):
//   INVALID, CONFLICT on a field    fail(400, …): about what was sent, the form says what to fix
//   CONFLICT, FORBIDDEN, …          fail(status, …): the state moved on (409) or a right is
//                                   missing; the code (or the domain's own) under `errors.form`
//   NOT_FOUND, UNAUTHENTICATED      an error page: there is no form to answer on
// A plain (no-JavaScript) post gets the page again with that failure as `form`; an enhanced
// one gets it as `result.data`. Anything that is not a DomainError (a redirect, a bug) passes.
import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Db } from '$server/db/client';
import type { Services } from '$server/http/services';
import { DomainError, httpStatus } from '$server/domain/errors';
import { parse } from '$server/domain/validation';
import type { FormFailure } from '$shared/forms';
import { requireUser } from './auth-guard';
import { formObject } from './form-data';

export interface FormContext {
	user: NonNullable<App.Locals['user']>;
	/** The domain's database handle (services.db). */
	db: Db;
	/** What the domain is reached through (server/http/services.ts): documents, the live rooms… */
	services: Services;
	locals: App.Locals;
	/** The route's params (present: the route matched). */
	params: Record<string, string>;
	url: URL;
	/** The post itself, for what the values do not carry (a file, say). */
	form: FormData;
	/** What was sent, as read (before the schema): what a failure gives back. */
	values: Record<string, unknown>;
}

export interface FormOptions<S extends z.ZodType | undefined> {
	/** Names sent several times (multi-selects) and checkboxes (sent only when ticked). */
	arrays?: string[];
	booleans?: string[];
	/** A reader of its own, for forms a plain read does not fit. */
	read?: (form: FormData) => Record<string, unknown>;
	/** The input's schema, when the route parses it; leave it out where the domain parses. */
	schema?: S;
}

type Input<S> = S extends z.ZodType ? z.output<S> : Record<string, unknown>;

/** The action's name as SvelteKit reads it from `?/name` ('default' without one). */
export function actionName(url: URL): string {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
	return 'default';
}

/** A domain refusal as the one form failure; NOT_FOUND and UNAUTHENTICATED become error pages. */
export function formFailure(e: DomainError, values: Record<string, unknown>, which: string): ActionFailure<FormFailure> {
	if (e.code === 'NOT_FOUND' || e.code === 'UNAUTHENTICATED') error(httpStatus(e.code), { message: e.code });
	const fields = e.fields && Object.keys(e.fields).length > 0 ? e.fields : null;
	// A CONFLICT about a field (a name taken) is the sender's to fix; one about the state (the
	// minutes are archived, the vote is closed) keeps its 409, as every page answered it before.
	const aboutInput = e.code === 'INVALID' || (e.code === 'CONFLICT' && Object.keys(fields ?? {}).some((k) => k !== 'form'));
	const status = aboutInput ? 400 : httpStatus(e.code);
	return fail(status, { errors: fields ?? { form: e.code }, values, which });
}

export function formAction<R, S extends z.ZodType | undefined = undefined>(
	run: (input: Input<S>, ctx: FormContext) => R | Promise<R>
): (event: RequestEvent) => Promise<R | ActionFailure<FormFailure>>;
export function formAction<R, S extends z.ZodType | undefined = undefined>(
	options: FormOptions<S>,
	run: (input: Input<S>, ctx: FormContext) => R | Promise<R>
): (event: RequestEvent) => Promise<R | ActionFailure<FormFailure>>;
/** A form action: `run` gets the parsed input and the signed-in user; what it returns is the
 * action's answer (or it redirects); a domain error becomes the one failure. */
export function formAction<R, S extends z.ZodType | undefined>(
	a: FormOptions<S> | ((input: Input<S>, ctx: FormContext) => R | Promise<R>),
	b?: (input: Input<S>, ctx: FormContext) => R | Promise<R>
) {
	const options: FormOptions<S> = typeof a === 'function' ? {} : a;
	const run = typeof a === 'function' ? a : b!;
	return async (event: RequestEvent): Promise<R | ActionFailure<FormFailure>> => {
		const { locals, url } = event;
		const user = requireUser(locals, url);
		const form = await event.request.formData();
		const values = options.read ? options.read(form) : formObject(form, options);
		const ctx: FormContext = {
			user,
			db: locals.services.db,
			services: locals.services,
			locals,
			params: event.params as Record<string, string>,
			url,
			form,
			values
		};
		try {
			const input = (options.schema ? parse(options.schema, values) : values) as Input<S>;
			return await run(input, ctx);
		} catch (e) {
			if (e instanceof DomainError) return formFailure(e, values, actionName(url));
			throw e;
		}
	};
}

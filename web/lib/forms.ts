// Reading a form action's answer in the browser: every refused action answers with the one
// FormFailure shape (shared/forms.ts), whichever page sent it.
import type { FormFailure } from '$shared/forms';

/** The failure in a page's `form` (or an enhanced submission's `result.data`), if it is one;
 * given `which`, only when that action answered. */
export function failureOf(form: unknown, which?: string): FormFailure | null {
	if (!form || typeof form !== 'object' || !('errors' in form) || !('values' in form) || !('which' in form)) return null;
	const failure = form as FormFailure;
	return which === undefined || failure.which === which ? failure : null;
}

/** The field errors of that failure, or none. */
export const errorsOf = (form: unknown, which?: string): Record<string, string> => failureOf(form, which)?.errors ?? {};

/** A failure for an answer that never reached the action (a network error, an error page). */
export const unreachable = (which: string): FormFailure => ({ errors: { form: 'other' }, values: {}, which });

/** A text value the failure gives back, or undefined when it was not sent as text. */
export function sentText(failure: FormFailure | null | undefined, name: string): string | undefined {
	const v = failure?.values[name];
	return typeof v === 'string' ? v : undefined;
}

/** What a refusal says about the form as a whole: its `form` code, or INVALID where it named
 * only fields (for pages that show one line above their forms, as the meeting room does). */
export function refusalOf(form: unknown, which?: string): string | null {
	const failure = failureOf(form, which);
	return failure ? (failure.errors.form ?? 'INVALID') : null;
}

// The one answer a refused form action gives, on every page: web/lib/server/form-action.ts
// builds it from a domain error, web/lib/forms.ts reads it back in the browser.

export interface FormFailure {
	/** Field name → short code (the domain's field codes, see web/lib/databank/labels.ts).
	 * `form` is for the form as a whole: a field-less refusal carries its error code there
	 * (FORBIDDEN, CONFLICT…), a field-less domain rule its own short code. */
	errors: Record<string, string>;
	/** What was sent, to fill the form in again. */
	values: Record<string, unknown>;
	/** The action that answered ('default' for a page's only form), so that on a page with
	 * several forms only the one that was sent shows it. */
	which: string;
}

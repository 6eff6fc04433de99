// Words for the discussion's refusals, through the i18n layer.
import { m } from '$lib/paraglide/messages';

const ERRORS: Record<string, () => string> = {
	required: m.disc_error_required,
	too_long: m.disc_error_too_long,
	stale: m.disc_error_stale,
	hidden: m.disc_error_hidden,
	FORBIDDEN: m.disc_error_FORBIDDEN
};

/** A form's error code (the domain's field codes or a refusal) as words. */
export const discussionError = (code: string | undefined): string => (code ? (ERRORS[code] ?? m.disc_error_other)() : '');

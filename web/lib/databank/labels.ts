// Labels for the databank's words and the short error codes the domain returns.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { EcosystemRole, Exchange, FieldKind, IntroductionStatus, MatchReason } from '$shared/databank';

const ROLE: Record<EcosystemRole, () => string> = {
	ENTREPRENEUR: m.eco_ENTREPRENEUR,
	IDEA_OWNER: m.eco_IDEA_OWNER,
	CAPITAL_OWNER: m.eco_CAPITAL_OWNER,
	EXPERT: m.eco_EXPERT,
	JOB_SEEKER: m.eco_JOB_SEEKER,
	AGENCY: m.eco_AGENCY,
	LEGAL: m.eco_LEGAL,
	MEDIA: m.eco_MEDIA,
	EXECUTOR: m.eco_EXECUTOR
};
const EXCHANGE: Record<Exchange, () => string> = {
	CAPITAL: m.exchange_CAPITAL,
	SKILLS: m.exchange_SKILLS,
	IDEA: m.exchange_IDEA,
	JOB: m.exchange_JOB,
	PARTNER: m.exchange_PARTNER
};
const KIND: Record<FieldKind, () => string> = { SECTOR: m.field_kind_SECTOR, SKILL: m.field_kind_SKILL };
const STATUS: Record<IntroductionStatus, () => string> = {
	PROPOSED: m.intro_status_PROPOSED,
	ACCEPTED: m.intro_status_ACCEPTED,
	WORKING: m.intro_status_WORKING,
	DECLINED: m.intro_status_DECLINED
};

export const ecosystemRoleLabel = (r: EcosystemRole): string => ROLE[r]();
export const exchangeLabel = (e: Exchange): string => EXCHANGE[e]();
export const fieldKindLabel = (k: FieldKind): string => KIND[k]();
export const introStatusLabel = (s: IntroductionStatus): string => STATUS[s]();

/** A fraction as a percentage with the reader's digits. */
export const formatPercent = (fraction: number, locale: string = getLocale()): string =>
	new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { style: 'percent' }).format(fraction);

/** A list in the reader's language ("a, b and c" / «الف، ب و ج»). */
export const listText = (items: string[], locale: string): string => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

/** Why a suggestion fits, in one short phrase. */
export function reasonText(r: MatchReason, locale: string): string {
	switch (r.code) {
		case 'offers':
			return m.reason_offers({ what: exchangeLabel(r.kind) });
		case 'seeks':
			return m.reason_seeks({ what: exchangeLabel(r.kind) });
		case 'fields':
			return m.reason_fields({ names: listText(r.names, locale) });
		case 'district':
			return m.reason_district({ name: r.name });
	}
}

const ERRORS: Record<string, () => string> = {
	required: m.err_required,
	too_long: m.err_too_long,
	too_many: m.err_too_many,
	invalid: m.err_invalid,
	// A refusal that names no field (shared/forms.ts): the domain's error code.
	INVALID: m.err_invalid,
	CONFLICT: m.err_invalid,
	FORBIDDEN: m.err_forbidden,
	RATE_LIMITED: m.err_try_later,
	UNAVAILABLE: m.err_try_later,
	invalid_email: m.err_invalid_email,
	invalid_phone: m.err_invalid_phone,
	taken: m.err_taken,
	unknown: m.err_unknown,
	already_seated: m.err_already_seated,
	archived: m.err_archived,
	has_account: m.err_has_account,
	account_email_taken: m.err_account_email_taken,
	no_email: m.err_no_email,
	same: m.err_same,
	merged: m.err_merged,
	two_accounts: m.err_two_accounts,
	no_consent: m.err_no_consent,
	already: m.err_already,
	not_allowed: m.err_not_allowed,
	stale: m.err_stale,
	no_file: m.err_no_file,
	no_name_column: m.err_no_name_column,
	field_count: m.err_field_count,
	parse: m.err_parse,
	too_many_rows: m.err_too_many_rows,
	empty: m.err_empty,
	unknown_district: m.err_unknown_district,
	unknown_sector: m.err_unknown_sector,
	unknown_skill: m.err_unknown_skill,
	unknown_role: m.err_unknown_role,
	unknown_exchange: m.err_unknown_exchange,
	invalid_consent: m.err_invalid_consent,
	duplicate_in_file: m.err_duplicate_in_file,
	duplicate_in_db: m.err_duplicate_in_db,
	// Intake's forms (server/domain/intake).
	consent_required: m.err_consent_required,
	contact_required: m.err_contact_required,
	too_short: m.err_too_short,
	spam: m.err_spam,
	token_too_fast: m.err_token_too_fast,
	token_stale: m.err_token_stale,
	token_forged: m.err_token_forged,
	email_taken: m.err_email_taken
};

/** The message for a domain error code, or a general one for codes this page does not know. */
export const errorText = (code: string | undefined): string => (code ? (ERRORS[code] ?? m.err_invalid)() : '');

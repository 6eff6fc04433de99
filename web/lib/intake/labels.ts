// Labels for intake's words, in the reader's language.
import { m } from '$lib/paraglide/messages';
import type { ConsentScope, IntakeKind, IntakeStatus } from '$shared/intake';

const KIND: Record<IntakeKind, () => string> = {
	IDEA: m.intake_kind_IDEA,
	CAPITAL: m.intake_kind_CAPITAL,
	SKILLS: m.intake_kind_SKILLS,
	JOB: m.intake_kind_JOB
};
const STATUS: Record<IntakeStatus, () => string> = {
	RECEIVED: m.intake_status_RECEIVED,
	LINKED: m.intake_status_LINKED,
	INTRODUCED: m.intake_status_INTRODUCED,
	REFERRED: m.intake_status_REFERRED,
	CLOSED: m.intake_status_CLOSED
};
const SCOPE: Record<ConsentScope, () => string> = {
	STORE: m.intake_consent_STORE,
	CONTACT: m.intake_consent_CONTACT,
	INTRODUCE: m.intake_consent_INTRODUCE
};
const TONE: Record<IntakeStatus, string> = {
	RECEIVED: 'tone-warn',
	LINKED: 'tone-info',
	INTRODUCED: 'tone-accent',
	REFERRED: 'tone-accent',
	CLOSED: ''
};

export const intakeKindLabel = (k: IntakeKind): string => KIND[k]();
export const intakeStatusLabel = (s: IntakeStatus): string => STATUS[s]();
export const consentScopeLabel = (s: ConsentScope): string => SCOPE[s]();
export const intakeStatusTone = (s: IntakeStatus): string => TONE[s];

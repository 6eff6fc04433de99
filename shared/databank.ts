// The databank's vocabulary, shared by the server and the web app (MISSION.md's word table).
import type { Side } from './sides';

/** What someone is in the ecosystem; several may apply. */
export const ECOSYSTEM_ROLES = [
	'ENTREPRENEUR',
	'IDEA_OWNER',
	'CAPITAL_OWNER',
	'EXPERT',
	'JOB_SEEKER',
	'AGENCY',
	'LEGAL',
	'MEDIA',
	'EXECUTOR'
] as const;
export type EcosystemRole = (typeof ECOSYSTEM_ROLES)[number];

/** What a person offers or seeks. */
export const EXCHANGES = ['CAPITAL', 'SKILLS', 'IDEA', 'JOB', 'PARTNER'] as const;
export type Exchange = (typeof EXCHANGES)[number];

export const FIELD_KINDS = ['SECTOR', 'SKILL'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const INTRODUCTION_STATUSES = ['PROPOSED', 'ACCEPTED', 'WORKING', 'DECLINED'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/** The ecosystem roles that naturally sit on each of the six sides. */
export const SIDE_ROLES: Record<Side, readonly EcosystemRole[]> = {
	ENTREPRENEUR: ['ENTREPRENEUR', 'IDEA_OWNER', 'CAPITAL_OWNER'],
	EXPERT: ['EXPERT'],
	AGENCY: ['AGENCY'],
	LEGAL: ['LEGAL'],
	MEDIA: ['MEDIA'],
	EXECUTOR: ['EXECUTOR']
};

/** What the databank shows to whom (server/domain/databank-access.ts decides). */
export type DatabankLevel = 'admin' | 'contacts' | 'directory' | 'none';

/** Why a suggestion fits, rendered in the reader's language by the web app. */
export type MatchReason =
	| { code: 'offers'; kind: Exchange }
	| { code: 'seeks'; kind: Exchange }
	| { code: 'fields'; names: string[] }
	| { code: 'district'; name: string };

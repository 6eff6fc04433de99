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

/** What the databank shows to whom (server/domain/databank/access.ts decides). */
export type DatabankLevel = 'admin' | 'contacts' | 'directory' | 'none';

/** Why a suggestion fits, rendered in the reader's language by the web app. */
export type MatchReason =
	| { code: 'offers'; kind: Exchange }
	| { code: 'seeks'; kind: Exchange }
	| { code: 'fields'; names: string[] }
	| { code: 'district'; name: string };

export interface DistrictItem {
	id: string;
	number: number | null;
	name: string;
	archived: boolean;
}

export interface FieldItem {
	id: string;
	kind: FieldKind;
	name: string;
	archived: boolean;
}

export interface FieldRef {
	id: string;
	name: string;
	kind: FieldKind;
}

/** What every reader sees… */
export interface PersonSummary {
	id: string;
	name: string;
	fields: FieldRef[];
	offers: Exchange[];
	seeks: Exchange[];
}

/** …and what administrators and moderators see besides. */
export interface PersonDetails extends PersonSummary {
	email: string | null;
	phone: string | null;
	district: { id: string; name: string } | null;
	bio: string;
	roles: EcosystemRole[];
	consent: boolean;
	archived: boolean;
	mergedIntoId: string | null;
}

export type PersonView = PersonSummary | PersonDetails;

export interface IntroductionItem {
	id: string;
	/** The other person, seen from this profile. */
	other: { id: string; name: string };
	direction: 'from' | 'to';
	status: 'PROPOSED' | 'ACCEPTED' | 'WORKING' | 'DECLINED';
	note: string;
	by: string | null;
	createdAt: Date;
	history: { status: 'PROPOSED' | 'ACCEPTED' | 'WORKING' | 'DECLINED'; by: string | null; at: Date }[];
}

export interface Scored {
	score: number;
	reasons: MatchReason[];
}

export interface Suggestion extends Scored {
	person: { id: string; name: string };
}

/** The databank's CSV columns, in the order the export writes them (the import takes them in any order). */
export const CSV_COLUMNS = [
	'name',
	'email',
	'phone',
	'district',
	'sectors',
	'skills',
	'roles',
	'offers',
	'seeks',
	'bio',
	'consent'
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface RowError {
	/** The line in the file (the header is line 1). */
	line: number;
	column: CsvColumn | 'file';
	code: string;
	value?: string;
}

export interface ImportReport {
	dryRun: boolean;
	rows: number;
	valid: number;
	/** Number of errors in all, of which the first 500 are listed. */
	errorCount: number;
	errors: RowError[];
	unknownColumns: string[];
	/** Each known column's header as the file wrote it («منطقه», "district"), so errors name
	 * columns in the file's own words. */
	headers?: Partial<Record<string, string>>;
	/** People written; 0 on a dry run and whenever there was any error. */
	created: number;
}

/** How far an import has got, for a progress bar: the file is read (characters), its rows
 * checked, then written (rows of all tables). */
export interface ImportProgress {
	phase: 'reading' | 'checking' | 'writing';
	done: number;
	total: number;
}

/** One line of the streamed import's answer (/people/import/stream): progress now and then,
 * then the form action's result (`type` success, failure or error, as SvelteKit's ActionResult). */
export type ImportStreamLine =
	| { progress: ImportProgress }
	| {
			result:
				{ type: 'success' | 'failure'; status: number; data: unknown } | { type: 'error'; status: number; error: { message: string } };
	  };

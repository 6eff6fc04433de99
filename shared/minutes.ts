// The minutes of one meeting as a self-contained record: everything needed to read,
// print or export them later, without looking anything else up.
import type { Side } from './sides';

export const MINUTES_FORMAT = 'rahkar.minutes/1';

export interface MinutesRecord {
	format: typeof MINUTES_FORMAT;
	meeting: {
		id: string;
		groupId: string;
		groupName: string;
		startsAt: string;
		startedAt: string | null;
		closedAt: string | null;
		place: string;
		link: string;
		timeZone: string;
		/** Where the series put it, when that was a day off and it moved to the next working day. */
		shift?: { from: string; holiday: string | null };
	};
	attendance: { personId: string; name: string; side: Side; checkedInAt: string }[];
	quorum: { met: boolean; present: number; eligible: number; sidesPresent: Side[]; sidesNeeded: number };
	agenda: {
		id: string;
		title: string;
		presenter: string;
		side: Side | null;
		plannedMinutes: number;
		/** Seconds the item was the meeting's current item. */
		spentSeconds: number;
		notes: string;
		proposalId: string | null;
	}[];
	speakers: { personId: string; name: string; side: Side; seconds: number }[];
	spokenBySide: Record<Side, number>;
	votes: {
		id: string;
		proposalId: string;
		proposalTitle: string;
		yes: number;
		no: number;
		abstain: number;
		present: number | null;
		quorumMet: boolean | null;
		result: string | null;
	}[];
	decisions: {
		id: string;
		proposalId: string | null;
		proposalTitle: string | null;
		method: string;
		outcome: string;
		text: string;
		decidedAt: string;
	}[];
	actionItems: { id: string; title: string; owner: string; side: Side | null; dueDate: string; status: string; createdHere: boolean }[];
	/** Set by the moderator when correcting a draft: free text added to the record. */
	remarks: string;
}

export interface MinutesView {
	id: string | null;
	meetingId: string;
	groupId: string;
	version: number;
	status: 'LIVE_DRAFT' | 'DRAFT' | 'ARCHIVED';
	record: MinutesRecord;
	contentHash: string | null;
	hashVerified: boolean | null;
	archivedAt: string | null;
	amendmentReason: string | null;
	approvedAt: string | null;
	approvals: number;
	versions: { id: string; version: number; status: string; archivedAt: string | null; amendmentReason: string | null }[];
	canModerate: boolean;
	canApprove: boolean;
}

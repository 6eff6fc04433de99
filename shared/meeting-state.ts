// The live meeting's state as the server sends it and the browser shows it, and the small
// pure rules both sides compute from it (a timer's remaining time, time spoken per side).
import { SIDES, type GroupRole, type Side } from './sides';
import type { FollowUpsView } from './action-items';

export const MEETING_STATUSES = ['SCHEDULED', 'LIVE', 'CLOSED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A per-item countdown. Running: startedAt is set and the remaining time follows from it
 * (a resume shifts startedAt back by what had elapsed). Paused or reset: startedAt is null
 * and remainingSec holds what is left. Every client and a restarted server agree, because
 * nothing ticks on the server: the time is computed from these fields and the clock. */
export interface TimerState {
	itemId: string;
	durationSec: number;
	startedAt: string | null;
	remainingSec: number | null;
}

export interface SpeakerTurnView {
	turnId: string;
	personId: string;
	name: string;
	side: Side;
	raisedAt: string;
	startedAt: string | null;
}

export interface RosterEntry {
	personId: string;
	name: string;
	side: Side;
	role: GroupRole;
}

export interface AttendanceEntry {
	personId: string;
	name: string;
	side: Side;
	checkedInAt: string;
	/** True when the moderator marked them rather than they checking in themselves. */
	markedByModerator: boolean;
}

export interface QuorumState {
	/** Seated members who count (observers do not), present and in total. */
	present: number;
	eligible: number;
	/** Members needed by the group's percentage rule. */
	needed: number;
	sidesPresent: Side[];
	sidesNeeded: number;
	met: boolean;
}

export interface MeetingSnapshot {
	/** Bumped by every change; a client keeps the highest it has seen. */
	version: number;
	/** The server's clock when this was made, so browsers can correct their own. */
	serverNow: string;
	meeting: {
		id: string;
		groupId: string;
		groupName: string;
		startsAt: string;
		durationMinutes: number;
		place: string;
		link: string;
		timeZone: string;
		status: MeetingStatus;
		startedAt: string | null;
		closedAt: string | null;
	};
	currentItemId: string | null;
	timer: TimerState | null;
	speaker: SpeakerTurnView | null;
	/** Raised hands in the order they will be called. */
	queue: SpeakerTurnView[];
	/** Seconds spoken per side in finished turns (add the current speaker's running turn). */
	spokenSec: Record<Side, number>;
	roster: RosterEntry[];
	attendance: AttendanceEntry[];
	quorum: QuorumState;
	/** The action items this meeting follows up, live until it closes (shared/action-items.ts). */
	followUps: FollowUpsView;
}

/** What the joining user may do; sent with the join acknowledgement. */
export interface MeetingViewer {
	personId: string | null;
	role: GroupRole | null;
	side: Side | null;
	canModerate: boolean;
	/** Members, executors and moderators raise hands and check in; observers only watch. */
	canParticipate: boolean;
}

/** Milliseconds left on a timer at `nowMs`; negative once it has overrun. */
export function timerRemainingMs(timer: TimerState, nowMs: number): number {
	if (timer.startedAt === null) return (timer.remainingSec ?? timer.durationSec) * 1000;
	return timer.durationSec * 1000 - (nowMs - Date.parse(timer.startedAt));
}

export const timerRunning = (timer: TimerState | null): boolean => timer !== null && timer.startedAt !== null;

/** Seconds spoken per side, including the current speaker's turn up to `nowMs`. */
export function spokenNow(state: Pick<MeetingSnapshot, 'spokenSec' | 'speaker'>, nowMs: number): Record<Side, number> {
	const out = { ...state.spokenSec };
	if (state.speaker?.startedAt) out[state.speaker.side] += Math.max(0, (nowMs - Date.parse(state.speaker.startedAt)) / 1000);
	return out;
}

export const zeroBySide = (): Record<Side, number> => Object.fromEntries(SIDES.map((s) => [s, 0])) as Record<Side, number>;

export interface MeetingSummary {
	id: string;
	groupId: string;
	groupName: string;
	startsAt: Date;
	durationMinutes: number;
	place: string;
	link: string;
	status: MeetingStatus;
	moved: boolean;
	timeZone: string;
}

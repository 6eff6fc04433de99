// The live meeting's state as the server sends it and the browser shows it, and the small
// pure rules both sides compute from it (a timer's remaining time, time spoken per side).
import { SIDES, type GroupRole, type Side } from './sides';
import type { FollowUpsView } from './action-items';
import type { PresenceEntry } from './acks';

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

// ——— The room as the live meeting sends it ———
// A snapshot's roster and attendance grow with the room (500 people: ~100 KB), and every
// change used to send a whole snapshot to everyone. Now a node sends each of its sockets
// the whole room once (joining, or after a gap in the cluster's relay) and then patches:
// the small parts whole, the long lists as what changed. A patch names the broadcast it
// follows (`base`); a client holding another one asks for the whole room again.

/** The room as a client holds it, and the tag of the broadcast it came from. */
export interface MeetingRoomView {
	state: MeetingSnapshot;
	present: PresenceEntry[];
	tag: string;
}

/** What changed in a list keyed by person (or user): entries new or changed, and keys gone. */
export interface ListChange<T> {
	set: T[];
	removed: string[];
}

export type MeetingStateCore = Omit<MeetingSnapshot, 'roster' | 'attendance'>;

export interface MeetingPatch {
	meetingId: string;
	/** The broadcast this patch follows, and the one it makes. */
	base: string;
	tag: string;
	/** The parts that changed (each whole), with the version and the server's clock always. */
	core: Partial<MeetingStateCore> & Pick<MeetingStateCore, 'version' | 'serverNow'>;
	roster?: ListChange<RosterEntry>;
	attendance?: ListChange<AttendanceEntry>;
	present?: ListChange<PresenceEntry>;
}

/** Each entry's JSON, made once per entry object: the entries a patch compares as its
 * `to` are the next patch's `from`, and a part that was not read again is the same array.
 * With 500 people a patch compared 3,000 JSON strings, and a room sends several a second. */
const jsonOf = (() => {
	const made = new WeakMap<object, string>();
	return (entry: object): string => {
		let json = made.get(entry);
		if (json === undefined) made.set(entry, (json = JSON.stringify(entry)));
		return json;
	};
})();

/** What changed from `from` to `to`, or null when nothing did (entries compared as JSON;
 * entries are never changed in place). */
export function listChange<T extends object>(from: T[], to: T[], key: (entry: T) => string): ListChange<T> | null {
	if (from === to) return null;
	const before = new Map(from.map((e) => [key(e), jsonOf(e)]));
	const set = to.filter((e) => before.get(key(e)) !== jsonOf(e));
	const kept = new Set(to.map(key));
	const removed = [...before.keys()].filter((k) => !kept.has(k));
	return set.length || removed.length ? { set, removed } : null;
}

/** `list` with a change applied: changed entries stay in place, new ones go last. */
export function applyListChange<T>(list: T[], change: ListChange<T> | undefined, key: (entry: T) => string): T[] {
	if (!change) return list;
	const gone = new Set(change.removed);
	const byKey = new Map(change.set.map((e) => [key(e), e]));
	const out: T[] = [];
	for (const e of list) {
		const k = key(e);
		if (gone.has(k)) continue;
		out.push(byKey.get(k) ?? e);
		byKey.delete(k);
	}
	return out.concat([...byKey.values()]);
}

const byPerson = (e: { personId: string }) => e.personId;
const byUser = (e: PresenceEntry) => e.userId;
const checkInOrder = (a: AttendanceEntry, b: AttendanceEntry) =>
	a.checkedInAt < b.checkedInAt ? -1 : a.checkedInAt > b.checkedInAt ? 1 : 0;

/** A part as compared for a patch: the follow-ups' read time (`stamp`, and `asOf` while the
 * meeting is live) moves with every read and is no change by itself. */
function comparable<K extends keyof MeetingStateCore>(key: K, value: MeetingStateCore[K]): unknown {
	if (key !== 'followUps' || !value) return value;
	return { ...(value as FollowUpsView), stamp: 0, asOf: '' };
}

/** The patch from one room view to the next, or null when a client would see no difference
 * (the server's clock alone moving is no change). */
export function meetingPatch(from: MeetingRoomView, to: Omit<MeetingRoomView, 'tag'>, tag: string): MeetingPatch | null {
	const { roster, attendance, ...core } = to.state;
	const { roster: r0, attendance: a0, ...core0 } = from.state;
	const rosterChange = listChange(r0, roster, byPerson);
	const attendanceChange = listChange(a0, attendance, byPerson);
	const presentChange = listChange(from.present, to.present, byUser);
	const changed: Partial<MeetingStateCore> = {};
	for (const key of Object.keys(core) as (keyof MeetingStateCore)[]) {
		if (key === 'version' || key === 'serverNow') continue;
		if (JSON.stringify(comparable(key, core[key])) !== JSON.stringify(comparable(key, core0[key])))
			Object.assign(changed, { [key]: core[key] });
	}
	const coreChanged = Object.keys(changed).length > 0 || core.version !== core0.version;
	if (!coreChanged && !rosterChange && !attendanceChange && !presentChange) return null;
	return {
		meetingId: to.state.meeting.id,
		base: from.tag,
		tag,
		core: { ...changed, version: core.version, serverNow: core.serverNow },
		...(rosterChange ? { roster: rosterChange } : {}),
		...(attendanceChange ? { attendance: attendanceChange } : {}),
		...(presentChange ? { present: presentChange } : {})
	};
}

/** The room after a patch; null when the patch follows another broadcast than the one held.
 * A list the patch leaves alone stays the same array (pages redraw only what changed). */
export function applyMeetingPatch(view: MeetingRoomView, patch: MeetingPatch): MeetingRoomView | null {
	if (patch.base !== view.tag) return null;
	const { roster, attendance } = view.state;
	return {
		state: {
			...view.state,
			...patch.core,
			roster: patch.roster ? applyListChange(roster, patch.roster, byPerson) : roster,
			attendance: patch.attendance ? applyListChange(attendance, patch.attendance, byPerson).sort(checkInOrder) : attendance
		},
		present: patch.present ? applyListChange(view.present, patch.present, byUser) : view.present,
		tag: patch.tag
	};
}

// One meeting's whole live state in one object: what a late joiner or a reconnecting
// client receives, and what is broadcast after every change. Everything comes from the
// database, so a restarted server answers exactly as before.
import type { Db } from '../../db/client';
import type { MeetingSnapshot, MeetingViewer, SpeakerTurnView } from '../../../shared/meeting-state';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { meetingAccess, viewerOf } from './meeting-access';
import { quorum } from './attendance';
import { currentTurn, queueOf, spokenBySide, type TurnRow } from './queue';
import { timerOf } from './timer';
import { meetingFollowUps } from '../action-items/carry-over';

const DEFAULT_ZONE = 'Asia/Tehran';

/** The full snapshot of a meeting (no authorisation: callers check access first). */
export async function meetingState(db: Db, meetingId: string, now = new Date()): Promise<MeetingSnapshot> {
	// One read transaction, so the parts agree with each other and with `version`.
	const [meeting, roster, attendance, turns] = await db.$transaction([
		db.meeting.findUnique({
			where: { id: meetingId },
			include: { group: { select: { name: true, quorumPercent: true, quorumSides: true } }, series: { select: { timeZone: true } } }
		}),
		db.membership.findMany({
			where: { group: { meetings: { some: { id: meetingId } } } },
			include: { person: { select: { name: true } } },
			orderBy: { createdAt: 'asc' }
		}),
		db.attendance.findMany({ where: { meetingId }, orderBy: { checkedInAt: 'asc' } }),
		db.speakerTurn.findMany({ where: { meetingId } })
	]);
	if (!meeting) throw new DomainError('NOT_FOUND', 'meeting not found');

	const names = new Map(roster.map((m) => [m.personId, m.person.name]));
	const turnView = (t: TurnRow): SpeakerTurnView => ({
		turnId: t.id,
		personId: t.personId,
		name: names.get(t.personId) ?? '',
		side: t.side,
		raisedAt: t.raisedAt.toISOString(),
		startedAt: t.startedAt?.toISOString() ?? null
	});
	const speaker = currentTurn(turns);
	const present = new Set(attendance.map((a) => a.personId));

	return {
		version: meeting.version,
		serverNow: now.toISOString(),
		meeting: {
			id: meeting.id,
			groupId: meeting.groupId,
			groupName: meeting.group.name,
			startsAt: meeting.startsAt.toISOString(),
			durationMinutes: meeting.durationMinutes,
			place: meeting.place,
			link: meeting.link,
			timeZone: meeting.series?.timeZone ?? DEFAULT_ZONE,
			status: meeting.status,
			startedAt: meeting.startedAt?.toISOString() ?? null,
			closedAt: meeting.closedAt?.toISOString() ?? null
		},
		currentItemId: meeting.currentItemId,
		timer: timerOf(meeting),
		speaker: speaker ? turnView(speaker) : null,
		queue: queueOf(turns).map(turnView),
		// Finished turns only; browsers add the running turn as it goes (spokenNow).
		spokenSec: spokenBySide(turns.filter((t) => t.endedAt !== null)),
		roster: roster.map((m) => ({ personId: m.personId, name: m.person.name, side: m.side, role: m.role })),
		attendance: attendance.map((a) => ({
			personId: a.personId,
			name: names.get(a.personId) ?? '',
			side: a.side,
			checkedInAt: a.checkedInAt.toISOString(),
			markedByModerator: a.markedById !== null
		})),
		quorum: quorum(roster, present, meeting.group),
		followUps: await meetingFollowUps(db, meetingId, now)
	};
}

/** Joining: the viewer's rights; NOT_FOUND for strangers. */
export async function meetingViewer(db: Db, actor: Actor, meetingId: string): Promise<MeetingViewer> {
	const { access } = await meetingAccess(db, actor, meetingId);
	return viewerOf(actor, access);
}

/** Joining from a page: the snapshot and the viewer's rights; NOT_FOUND for strangers. */
export async function joinMeeting(db: Db, actor: Actor, meetingId: string, now = new Date()) {
	const viewer = await meetingViewer(db, actor, meetingId);
	return { state: await meetingState(db, meetingId, now), viewer };
}

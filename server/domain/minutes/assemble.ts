// Assembles a meeting's minutes from its record: attendance by side, the agenda with its
// notes as they stand in the database, the time spent on each item, speakers, votes and
// decisions, and action items. While the meeting is live this is the draft everyone sees.
import type { Database } from '../../db/client';
import { SIDES, type Side } from '../../../shared/sides';
import { MINUTES_FORMAT, type MinutesRecord } from '../../../shared/minutes';
import { agendaItems, notesText } from '../../../shared/agenda';
import { storedAgenda } from '../meetings/stored-agenda';
import { quorum } from '../meetings/attendance';
import { spokenBySide } from '../meetings/queue';
import { DomainError } from '../errors';

/** Seconds each item was current, from the spans (an open span counts up to `now`). */
export function secondsPerItem(spans: { itemId: string; startedAt: Date; endedAt: Date | null }[], now: Date): Map<string, number> {
	const out = new Map<string, number>();
	for (const s of spans) {
		const end = s.endedAt ?? now;
		out.set(s.itemId, (out.get(s.itemId) ?? 0) + Math.max(0, Math.round((end.getTime() - s.startedAt.getTime()) / 1000)));
	}
	return out;
}

export async function assembleMinutes(database: Database, meetingId: string, now = new Date()): Promise<MinutesRecord> {
	const { db } = database;
	const meeting = await db.meeting.findUnique({
		where: { id: meetingId },
		include: { group: { select: { name: true, quorumPercent: true, quorumSides: true } }, series: { select: { timeZone: true } } }
	});
	if (!meeting) throw new DomainError('NOT_FOUND', 'meeting not found');
	const [roster, attendance, turns, spans, votes, decisions, snapshots, created] = await Promise.all([
		db.membership.findMany({ where: { groupId: meeting.groupId }, include: { person: { select: { name: true } } } }),
		db.attendance.findMany({ where: { meetingId }, orderBy: { checkedInAt: 'asc' } }),
		db.speakerTurn.findMany({ where: { meetingId, startedAt: { not: null } }, orderBy: { startedAt: 'asc' } }),
		db.agendaItemSpan.findMany({ where: { meetingId } }),
		db.vote.findMany({ where: { meetingId }, include: { proposal: { select: { title: true } } }, orderBy: { openedAt: 'asc' } }),
		db.decision.findMany({ where: { meetingId }, include: { proposal: { select: { title: true } } }, orderBy: { decidedAt: 'asc' } }),
		db.actionItemSnapshot.findMany({ where: { meetingId }, orderBy: { recordedAt: 'asc' } }),
		db.actionItem.findMany({ where: { meetingId }, include: { owner: { select: { name: true } } }, orderBy: { createdAt: 'asc' } })
	]);
	const names = new Map(roster.map((m) => [m.personId, m.person.name]));
	const present = new Set(attendance.map((a) => a.personId));
	const q = quorum(roster, present, meeting.group);
	const spent = secondsPerItem(spans, meeting.closedAt ?? now);
	const doc = await storedAgenda(database, meetingId);

	const speakers = new Map<string, { personId: string; name: string; side: Side; seconds: number }>();
	for (const t of turns) {
		const seconds = Math.round(((t.endedAt ?? meeting.closedAt ?? now).getTime() - t.startedAt!.getTime()) / 1000);
		const s = speakers.get(t.personId) ?? { personId: t.personId, name: names.get(t.personId) ?? '', side: t.side, seconds: 0 };
		s.seconds += Math.max(0, seconds);
		speakers.set(t.personId, s);
	}
	const bySide = spokenBySide(turns, meeting.closedAt ?? now);

	// After closing, the snapshot says what was reported; while live, the items as they are.
	const actionItems = snapshots.length
		? snapshots.map((s) => ({
				id: s.actionItemId,
				title: s.title,
				owner: s.ownerName,
				side: s.side,
				dueDate: s.dueDate,
				status: s.status,
				createdHere: s.createdHere
			}))
		: created.map((a) => ({
				id: a.id,
				title: a.title,
				owner: a.owner.name,
				side: a.side,
				dueDate: a.dueDate,
				status: a.status,
				createdHere: true
			}));

	return {
		format: MINUTES_FORMAT,
		meeting: {
			id: meeting.id,
			groupId: meeting.groupId,
			groupName: meeting.group.name,
			startsAt: meeting.startsAt.toISOString(),
			startedAt: meeting.startedAt?.toISOString() ?? null,
			closedAt: meeting.closedAt?.toISOString() ?? null,
			place: meeting.place,
			link: meeting.link,
			timeZone: meeting.series?.timeZone ?? 'Asia/Tehran',
			// Only when the meeting moved off a day off, so other records hash as before.
			shift:
				meeting.shiftedFrom && !meeting.movedAt ? { from: meeting.shiftedFrom.toISOString(), holiday: meeting.shiftHoliday } : undefined
		},
		attendance: attendance.map((a) => ({
			personId: a.personId,
			name: names.get(a.personId) ?? '',
			side: a.side,
			checkedInAt: a.checkedInAt.toISOString()
		})),
		quorum: { met: q.met, present: q.present, eligible: q.eligible, sidesPresent: q.sidesPresent, sidesNeeded: q.sidesNeeded },
		agenda: agendaItems(doc).map((i) => ({
			id: i.id,
			title: i.title,
			presenter: i.presenter,
			side: i.side,
			plannedMinutes: i.minutes,
			spentSeconds: spent.get(i.id) ?? 0,
			notes: notesText(doc, i.id),
			proposalId: i.proposalId
		})),
		speakers: [...speakers.values()],
		spokenBySide: Object.fromEntries(SIDES.map((s) => [s, Math.round(bySide[s])])) as Record<Side, number>,
		votes: votes.map((v) => ({
			id: v.id,
			proposalId: v.proposalId,
			proposalTitle: v.proposal.title,
			yes: v.yes,
			no: v.no,
			abstain: v.abstain,
			present: v.present,
			quorumMet: v.quorumMet,
			result: v.result
		})),
		decisions: decisions.map((d) => ({
			id: d.id,
			proposalId: d.proposalId,
			proposalTitle: d.proposal?.title ?? null,
			method: d.method,
			outcome: d.outcome,
			text: d.text,
			decidedAt: d.decidedAt.toISOString()
		})),
		actionItems,
		remarks: ''
	};
}

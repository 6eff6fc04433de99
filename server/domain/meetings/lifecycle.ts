// A meeting goes SCHEDULED → LIVE → CLOSED (or SCHEDULED → CANCELLED, see series.ts).
// Only moderators move it; the current item is theirs to set too.
import type { Db } from '../../db/client';
import type { CurrentItemPayload, MeetingRef } from '../../../shared/meeting-events';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { recordFollowUpsAtClose } from '../action-items/carry-over';
import { requireModerator } from './meeting-access';
import { mutateMeeting } from './meeting-transaction';
import { NO_TIMER, applyTimer } from './timer';
import { agendaDocumentName } from '../../../shared/documents';
import type { MeetingChanged } from '../changes';

/** Opens a scheduled meeting. A group runs one live meeting at a time. */
export async function startMeeting(db: Db, actor: Actor, { meetingId }: MeetingRef, now = new Date()): Promise<MeetingChanged> {
	const { groupId } = await requireModerator(db, actor, meetingId);
	const change = await mutateMeeting(db, meetingId, ['SCHEDULED'], async (tx) => {
		const live = await tx.meeting.findFirst({ where: { groupId, status: 'LIVE' }, select: { id: true } });
		if (live) throw new DomainError('CONFLICT', 'another meeting of this group is live');
		await tx.meeting.update({ where: { id: meetingId }, data: { status: 'LIVE', startedAt: now } });
	});
	// Votes may be held from now on.
	return { ...change, votes: true };
}

/** Closes a live meeting: the floor is ended, raised hands are put down, the timer stops,
 * and the action items' statuses are recorded. */
export async function closeMeeting(db: Db, actor: Actor, { meetingId }: MeetingRef, now = new Date()): Promise<MeetingChanged> {
	await requireModerator(db, actor, meetingId);
	const change = await mutateMeeting(db, meetingId, ['LIVE'], async (tx, meeting) => {
		await tx.speakerTurn.updateMany({ where: { meetingId, startedAt: { not: null }, endedAt: null }, data: { endedAt: now } });
		await tx.speakerTurn.updateMany({ where: { meetingId, startedAt: null, removedAt: null }, data: { removedAt: now } });
		const timer = meeting.timerStartedAt ? applyTimer(meeting, { action: 'pause' }, now) : {};
		// The minutes show what was reported: every open action item's status at this moment.
		await recordFollowUpsAtClose(tx, meetingId, now);
		await tx.agendaItemSpan.updateMany({ where: { meetingId, endedAt: null }, data: { endedAt: now } });
		await tx.meeting.update({ where: { id: meetingId }, data: { status: 'CLOSED', closedAt: now, ...timer } });
	});
	// Votes may no longer be held (one left open is stopped).
	return { ...change, votes: true };
}

/** Who must hear that a meeting's agenda became read-only (the collab server). */
export interface AgendaFreezer {
	reconnectAll(documentName: string): Promise<void>;
}

/** Closes the meeting, then makes everyone connected to its agenda reconnect: a closed
 * meeting's agenda belongs to its minutes and is read-only (server/domain/documents.ts). */
export async function closeMeetingAndFreezeAgenda(
	db: Db,
	agenda: AgendaFreezer,
	actor: Actor,
	ref: MeetingRef,
	now = new Date()
): Promise<MeetingChanged> {
	const change = await closeMeeting(db, actor, ref, now);
	await agenda.reconnectAll(agendaDocumentName(ref.meetingId));
	return change;
}

/** Sets the agenda item everyone follows. A timer kept for another item is cleared: the
 * timer belongs to the item being discussed. */
export async function setCurrentItem(
	db: Db,
	actor: Actor,
	{ meetingId, itemId }: CurrentItemPayload,
	now = new Date()
): Promise<MeetingChanged> {
	await requireModerator(db, actor, meetingId);
	return mutateMeeting(db, meetingId, ['LIVE'], async (tx, meeting) => {
		const timer = meeting.timerItemId !== null && meeting.timerItemId !== itemId ? NO_TIMER : {};
		await tx.meeting.update({ where: { id: meetingId }, data: { currentItemId: itemId, ...timer } });
		// The minutes show how long each item was discussed.
		if (meeting.currentItemId !== itemId) {
			await tx.agendaItemSpan.updateMany({ where: { meetingId, endedAt: null }, data: { endedAt: now } });
			if (itemId) await tx.agendaItemSpan.create({ data: { meetingId, itemId, startedAt: now } });
		}
	});
}

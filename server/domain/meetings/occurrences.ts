// One occurrence at a time: a moderator moves a scheduled meeting, cancels it, or brings a
// cancelled one back. The series' rhythm is untouched.
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { requireModerator } from './meeting-access';
import { mutateMeeting } from './meeting-transaction';
import { fromLocal, parseLocal } from './zoned-time';
import { enqueueMeetingMail } from '../mail/meeting-mail';

/** The zone a meeting's local times are given in. */
async function zoneOf(db: Db, meetingId: string): Promise<string> {
	const m = await db.meeting.findUnique({ where: { id: meetingId }, select: { series: { select: { timeZone: true } } } });
	return m?.series?.timeZone ?? 'Asia/Tehran';
}

/** Moves one scheduled meeting to a local date and time in the series' zone. */
export async function moveOccurrence(db: Db, actor: Actor, meetingId: string, when: { date: string; time: string }, now = new Date()) {
	await requireModerator(db, actor, meetingId);
	const local = parseLocal(when.date, when.time);
	if (!local) throw new DomainError('INVALID', 'not a date and time');
	const startsAt = fromLocal(local, await zoneOf(db, meetingId));
	return mutateMeeting(db, meetingId, ['SCHEDULED'], async (tx) => {
		await tx.meeting.update({ where: { id: meetingId }, data: { startsAt, movedAt: now } });
		// The members' calendars follow: an updated invitation, in this same transaction.
		await enqueueMeetingMail(tx, meetingId, 'moved');
	});
}

/** Cancels one scheduled meeting; calendar feeds then show it as cancelled. */
export async function cancelOccurrence(db: Db, actor: Actor, meetingId: string) {
	await requireModerator(db, actor, meetingId);
	return mutateMeeting(db, meetingId, ['SCHEDULED'], async (tx) => {
		await tx.meeting.update({ where: { id: meetingId }, data: { status: 'CANCELLED' } });
		await enqueueMeetingMail(tx, meetingId, 'cancelled');
	});
}

/** Brings a cancelled meeting back to the schedule. */
export async function restoreOccurrence(db: Db, actor: Actor, meetingId: string) {
	await requireModerator(db, actor, meetingId);
	return mutateMeeting(db, meetingId, ['CANCELLED'], async (tx) => {
		await tx.meeting.update({ where: { id: meetingId }, data: { status: 'SCHEDULED' } });
		await enqueueMeetingMail(tx, meetingId, 'restored');
	});
}

// Every change to a meeting's live state goes through here: one transaction that first
// bumps the meeting's version. The bump is the first write, so it takes the row lock on
// PostgreSQL (and SQLite's write lock): two changes to one meeting — even on two nodes —
// run one after the other, and each sees the other's result.
import type { Db } from '../../db/client';
import type { MeetingStatus } from '../../../shared/meeting-state';
import type { MeetingChanged } from '../changes';
import { DomainError } from '../errors';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export type LockedMeeting = NonNullable<Awaited<ReturnType<Db['meeting']['findUnique']>>>;

/** Runs `change` on a locked meeting and says what changed (with the new version). */
export async function mutateMeeting(
	db: Db,
	meetingId: string,
	allowed: readonly MeetingStatus[],
	change: (tx: Tx, meeting: LockedMeeting) => Promise<void>
): Promise<MeetingChanged> {
	return db.$transaction(async (tx) => {
		const meeting = await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
		if (!allowed.includes(meeting.status)) throw new DomainError('CONFLICT', `the meeting is ${meeting.status.toLowerCase()}`);
		await change(tx, meeting);
		return { kind: 'meeting', meetingId, version: meeting.version, votes: false };
	});
}

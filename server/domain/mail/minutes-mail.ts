// The minutes, when archived (or amended): each member who wants it is told, with the links to
// read them, to print them, and the request to approve them at the next meeting. Written in
// the archive's transaction.
import type { Tx } from '../meetings/meeting-transaction';
import { enqueueMail } from './outbox';
import { groupRecipients } from './recipients';

export interface MinutesMailPayload {
	minutesId: string;
	meetingId: string;
	groupName: string;
	/** When the meeting was held. */
	heldAt: string;
	timeZone: string;
	version: number;
	amended: boolean;
}

/** Queues the "minutes archived" mail of these minutes for every member who wants it. */
export async function enqueueMinutesMail(tx: Tx, minutesId: string): Promise<number> {
	const row = await tx.minutes.findUniqueOrThrow({
		where: { id: minutesId },
		select: {
			id: true,
			version: true,
			amendsId: true,
			groupId: true,
			meeting: {
				select: {
					id: true,
					startsAt: true,
					series: { select: { timeZone: true } },
					group: { select: { name: true, organisationId: true } }
				}
			}
		}
	});
	const group = row.meeting.group;
	const payload: MinutesMailPayload = {
		minutesId: row.id,
		meetingId: row.meeting.id,
		groupName: group.name,
		heldAt: row.meeting.startsAt.toISOString(),
		timeZone: row.meeting.series?.timeZone ?? 'Asia/Tehran',
		version: row.version,
		amended: row.amendsId !== null
	};
	const recipients = await groupRecipients(tx, row.groupId, 'minutes');
	for (const r of recipients) {
		await enqueueMail(tx, {
			kind: 'minutes-archived',
			organisationId: group.organisationId,
			to: { address: r.address, name: r.name },
			personId: r.personId,
			userId: r.userId,
			locale: r.locale,
			payload: { ...payload }
		});
	}
	return recipients.length;
}

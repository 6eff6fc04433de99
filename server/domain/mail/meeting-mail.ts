// Invitations to a group's meetings: when a meeting is scheduled, changed, moved, cancelled or brought back, each
// member with an address gets a mail with the meeting as an iCalendar invitation, in their
// language, unless they turned meeting mail off. Written in the meeting change's transaction.
import type { Tx } from '../meetings/meeting-transaction';
import { enqueueMail } from './outbox';
import { groupRecipients } from './recipients';

/** scheduled: a new meeting; changed: the series' settings changed it; moved: moved on its own. */
export type MeetingChange = 'scheduled' | 'changed' | 'moved' | 'cancelled' | 'restored';

/** What an invitation says, as it was when the change was made (outbox payload). */
export interface MeetingMailPayload {
	meetingId: string;
	change: MeetingChange;
	groupName: string;
	startsAt: string;
	durationMinutes: number;
	place: string;
	link: string;
	timeZone: string;
	status: 'SCHEDULED' | 'CANCELLED';
	/** The meeting's version: the invitation's SEQUENCE. */
	sequence: number;
	updatedAt: string;
}

/** Queues the invitation (or cancellation) of one meeting for every member who wants it. */
export async function enqueueMeetingMail(tx: Tx, meetingId: string, change: MeetingChange): Promise<number> {
	const m = await tx.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			id: true,
			startsAt: true,
			durationMinutes: true,
			place: true,
			link: true,
			status: true,
			version: true,
			updatedAt: true,
			series: { select: { timeZone: true } },
			groupId: true,
			group: { select: { name: true, organisationId: true } }
		}
	});
	const recipients = await groupRecipients(tx, m.groupId, 'meetings');
	const payload: MeetingMailPayload = {
		meetingId: m.id,
		change,
		groupName: m.group.name,
		startsAt: m.startsAt.toISOString(),
		durationMinutes: m.durationMinutes,
		place: m.place,
		link: m.link,
		timeZone: m.series?.timeZone ?? 'Asia/Tehran',
		status: m.status === 'CANCELLED' ? 'CANCELLED' : 'SCHEDULED',
		sequence: m.version,
		updatedAt: m.updatedAt.toISOString()
	};
	for (const r of recipients) {
		await enqueueMail(tx, {
			kind: 'meeting-invitation',
			organisationId: m.group.organisationId,
			to: { address: r.address, name: r.name },
			personId: r.personId,
			userId: r.userId,
			locale: r.locale,
			payload: { ...payload }
		});
	}
	return recipients.length;
}

// Invitations to a group's meetings: when a meeting is scheduled, changed, moved, cancelled or brought back, each
// member with an address gets a mail with the meeting as an iCalendar invitation, in their
// language, unless they turned meeting mail off. Written in the meeting change's transaction.
import type { Tx } from '../meetings/meeting-transaction';
import { enqueueMail } from './outbox';
import { optedOut } from './preferences';

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
			group: {
				select: {
					name: true,
					organisationId: true,
					memberships: {
						select: {
							person: {
								select: { id: true, name: true, email: true, archivedAt: true, user: { select: { id: true, email: true, locale: true } } }
							}
						}
					}
				}
			}
		}
	});
	const people = m.group.memberships.map((ms) => ms.person).filter((p) => p.archivedAt === null && (p.user?.email || p.email));
	const out = await optedOut(
		tx,
		people.map((p) => p.id),
		'meetings'
	);
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
	let queued = 0;
	for (const p of people) {
		if (out.has(p.id)) continue;
		await enqueueMail(tx, {
			kind: 'meeting-invitation',
			organisationId: m.group.organisationId,
			// An account's address is the one its owner signs in with; otherwise the databank's.
			to: { address: (p.user?.email ?? p.email)!, name: p.name },
			personId: p.id,
			userId: p.user?.id ?? null,
			locale: p.user?.locale ?? 'fa',
			payload: { ...payload }
		});
		queued++;
	}
	return queued;
}

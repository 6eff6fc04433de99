// "Send the agenda": a moderator mails the group the agenda of a coming (or running) meeting,
// its items' titles as the collaborative document holds them. Each member who wants agenda
// mail gets it once per wording of the agenda: sending again after the agenda changed sends
// the new one; sending the same agenda again (a second click, a retried post) sends nothing.
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client';
import { agendaItems } from '../../../shared/agenda';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { requireModerator } from '../meetings/meeting-access';
import { storedAgenda } from '../meetings/stored-agenda';
import { enqueueOnce } from './outbox';
import { groupRecipients } from './recipients';

export interface AgendaMailPayload {
	meetingId: string;
	groupName: string;
	startsAt: string;
	timeZone: string;
	place: string;
	link: string;
	titles: string[];
	byName: string;
}

/** How many members this call mailed, and how many would get it (those who want agenda mail). */
export interface AgendaSent {
	sent: number;
	recipients: number;
}

export async function sendAgendaMail(database: Database, actor: Actor & { name: string }, meetingId: string): Promise<AgendaSent> {
	const { db } = database;
	await requireModerator(db, actor, meetingId);
	const m = await db.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			id: true,
			groupId: true,
			status: true,
			startsAt: true,
			place: true,
			link: true,
			series: { select: { timeZone: true } },
			group: { select: { name: true, organisationId: true } }
		}
	});
	if (m.status === 'CLOSED' || m.status === 'CANCELLED') throw new DomainError('CONFLICT', 'the meeting is over or cancelled');
	const titles = agendaItems(await storedAgenda(database, meetingId))
		.map((i) => i.title.trim())
		.filter(Boolean);
	if (titles.length === 0) throw new DomainError('CONFLICT', 'the agenda has no items');
	const wording = createHash('sha256').update(JSON.stringify(titles)).digest('base64url').slice(0, 16);
	const payload: AgendaMailPayload = {
		meetingId: m.id,
		groupName: m.group.name,
		startsAt: m.startsAt.toISOString(),
		timeZone: m.series?.timeZone ?? 'Asia/Tehran',
		place: m.place,
		link: m.link,
		titles,
		byName: actor.name
	};
	const recipients = await groupRecipients(db, m.groupId, 'agenda');
	let sent = 0;
	for (const r of recipients) {
		const wrote = await enqueueOnce(db, {
			kind: 'agenda-published',
			organisationId: m.group.organisationId,
			to: { address: r.address, name: r.name },
			personId: r.personId,
			userId: r.userId,
			locale: r.locale,
			payload: { ...payload },
			dedupeKey: `agenda:${m.id}:${wording}:${r.personId}`
		});
		if (wrote) sent++;
	}
	return { sent, recipients: recipients.length };
}

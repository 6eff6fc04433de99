// What each kind of mail says: its subject, paragraphs, facts and main link, in the reader's
// language, from the payload the change wrote. render.ts lays a body out as the mail's text and
// HTML parts; the digest lists the bodies of the notices it gathers by subject and link.
import type { OutgoingMail } from '../../mail/transport';
import { meetingInvitation } from '../meetings/calendar';
import type { MailKind } from './kinds';
import type { MeetingMailPayload } from './meeting-mail';
import type { MinutesMailPayload } from './minutes-mail';
import type { ReminderMailPayload } from './reminder-mail';
import type { AgendaMailPayload } from './agenda-mail';
import type { ActionItemMailPayload } from './action-item-mail';
import { NOTICE_WORDING } from './notice-wording';
import { WORDING, formatCount, formatDayOf, formatLocalDay, formatWhen, type MailLocale } from './wording';

export interface Body {
	subject: string;
	/** Paragraphs, then an optional list, facts and action link, then closing lines. */
	lines: string[];
	list?: { text: string; href?: string }[];
	facts?: [string, string][];
	action?: { label: string; href: string };
	after?: string[];
}

export interface BodyContext {
	origin: string;
	/** MAIL_FROM's name and address (the invitation's organiser). */
	organizer: { name: string; email: string };
	to: { name: string; address: string };
}

export interface Content {
	body: Body;
	calendar?: OutgoingMail['calendar'];
}

/** The content of one mail of `kind` (the digest is render.ts's: it is made of these). */
export function contentOf(kind: MailKind, payload: Record<string, unknown>, locale: MailLocale, ctx: BodyContext): Content {
	const w = WORDING[locale];
	const n = NOTICE_WORDING[locale];
	const hello = w.greeting(ctx.to.name);
	switch (kind) {
		case 'password-reset': {
			const href = `${ctx.origin}/reset-password?token=${encodeURIComponent(String(payload.token))}`;
			return {
				body: {
					subject: w.resetSubject,
					lines: [hello, w.resetBody(formatCount(locale, Number(payload.minutes ?? 60)))],
					action: { label: w.resetAction, href },
					after: [w.resetIgnore]
				}
			};
		}
		case 'account-invitation': {
			const href = `${ctx.origin}/reset-password?token=${encodeURIComponent(String(payload.token))}&welcome=1`;
			const organisation = String(payload.organisation ?? '');
			return {
				body: {
					subject: w.inviteSubject(organisation),
					lines: [hello, w.inviteBody(String(payload.inviter ?? ''), organisation, formatCount(locale, Number(payload.days ?? 7)))],
					action: { label: w.inviteAction, href },
					after: [w.inviteIgnore]
				}
			};
		}
		case 'meeting-invitation': {
			const p = payload as unknown as MeetingMailPayload;
			const invitation = meetingInvitation(
				{
					id: p.meetingId,
					startsAt: new Date(p.startsAt),
					durationMinutes: p.durationMinutes,
					place: p.place,
					link: p.link,
					status: p.status,
					version: p.sequence,
					updatedAt: new Date(p.updatedAt),
					group: { name: p.groupName }
				},
				ctx.origin,
				{ organizer: ctx.organizer, attendee: { name: ctx.to.name, email: ctx.to.address } }
			);
			return {
				body: {
					subject: w.meetingSubject(p.change, p.groupName),
					lines: [hello, w.meetingLead(p.change, p.groupName)],
					facts: meetingFacts(locale, p),
					action: { label: w.open, href: `${ctx.origin}/meetings/${p.meetingId}` }
				},
				calendar: { ...invitation, filename: invitation.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics' }
			};
		}
		case 'meeting-reminder': {
			const p = payload as unknown as ReminderMailPayload;
			return {
				body: {
					subject: n.reminderSubject(p.groupName, formatWhen(locale, p.startsAt, p.timeZone)),
					lines: [hello, n.reminderLead(p.groupName, formatCount(locale, p.leadHours))],
					facts: meetingFacts(locale, p),
					action: { label: w.open, href: `${ctx.origin}/meetings/${p.meetingId}` }
				}
			};
		}
		case 'agenda-published': {
			const p = payload as unknown as AgendaMailPayload;
			return {
				body: {
					subject: n.agendaSubject(p.groupName),
					lines: [hello, n.agendaLead(p.groupName, p.byName)],
					list: p.titles.length ? p.titles.map((t, i) => ({ text: `${formatCount(locale, i + 1)}. ${t}` })) : [{ text: n.agendaEmpty }],
					facts: meetingFacts(locale, p),
					action: { label: w.open, href: `${ctx.origin}/meetings/${p.meetingId}` }
				}
			};
		}
		case 'minutes-archived': {
			const p = payload as unknown as MinutesMailPayload;
			const held = formatDayOf(locale, p.heldAt, p.timeZone);
			return {
				body: {
					subject: w.minutesSubject(p.groupName, held, p.amended),
					lines: [hello, w.minutesLead(p.groupName, held, p.amended), w.minutesApprove],
					action: { label: w.minutesRead, href: `${ctx.origin}/meetings/${p.meetingId}/minutes?version=${p.version}` },
					after: [`${w.minutesPrint}: ${ctx.origin}/meetings/${p.meetingId}/minutes/print?version=${p.version}`]
				}
			};
		}
		case 'action-assigned':
		case 'action-due-soon':
		case 'action-overdue': {
			const p = payload as unknown as ActionItemMailPayload;
			const day = formatLocalDay(locale, p.dueDate);
			const [subject, lead] =
				kind === 'action-assigned'
					? [n.assignedSubject(p.title), n.assignedLead(p.byName, p.groupName)]
					: kind === 'action-due-soon'
						? [n.dueSoonSubject(p.title), n.dueSoonLead(p.groupName, day)]
						: [n.overdueSubject(p.title), n.overdueLead(p.groupName, day)];
			return {
				body: {
					subject,
					lines: [hello, lead],
					facts: [
						[n.actionTitle, p.title],
						[n.due, day]
					],
					action: { label: n.openAction, href: `${ctx.origin}/actions/${p.actionItemId}` }
				}
			};
		}
		case 'digest':
			throw new Error('a digest is rendered from the notices it gathers');
	}
}

function meetingFacts(locale: MailLocale, p: { startsAt: string; timeZone: string; place?: string; link?: string }): [string, string][] {
	const w = WORDING[locale];
	const facts: [string, string][] = [[w.when, formatWhen(locale, p.startsAt, p.timeZone)]];
	if (p.place) facts.push([w.place, p.place]);
	if (p.link) facts.push([w.online, p.link]);
	return facts;
}

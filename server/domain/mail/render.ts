// Turns an outbox row into the mail that is sent: subject, a plain text part and an HTML part
// (right-to-left for Persian) in the recipient's language, the invitation's calendar part, and
// for mail someone may turn off, the one-click unsubscribe headers (RFC 2369, RFC 8058).
import type { OutgoingMail } from '../../mail/transport';
import { meetingInvitation } from '../meetings/calendar';
import type { ClaimedMail } from './outbox';
import { TOPIC_OF, type MailKind } from './kinds';
import { unsubscribeToken } from './links';
import type { MeetingMailPayload } from './meeting-mail';
import type { MinutesMailPayload } from './minutes-mail';
import { WORDING, formatCount, formatDayOf, formatWhen, type MailLocale } from './wording';

export interface RenderContext {
	/** The public origin links point to (https://rahkar.example.org). */
	origin: string;
	/** The link-signing key (links.ts). */
	key: string;
	/** MAIL_FROM, as "Name <address>" or an address. */
	from: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The address part of MAIL_FROM. */
export function fromAddress(from: string): { name: string; email: string } {
	const m = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(from);
	return m ? { name: m[1].trim(), email: m[2].trim() } : { name: '', email: from.trim() };
}

interface Body {
	subject: string;
	/** Paragraphs, then an optional action link, then closing lines. */
	lines: string[];
	facts?: [string, string][];
	action?: { label: string; href: string };
	after?: string[];
}

function page(locale: MailLocale, body: Body, unsubscribe: string | null): { text: string; html: string } {
	const w = WORDING[locale];
	const dir = locale === 'fa' ? 'rtl' : 'ltr';
	const text = [
		...body.lines,
		'',
		...(body.facts ?? []).map(([k, v]) => `${k}: ${v}`),
		...(body.action ? ['', `${body.action.label}: ${body.action.href}`] : []),
		...(body.after ? ['', ...body.after] : []),
		'',
		'-- ',
		w.footer,
		...(unsubscribe ? [`${w.unsubscribe}: ${unsubscribe}`] : [])
	].join('\n');
	const font = locale === 'fa' ? "Vazirmatn, Tahoma, 'Segoe UI', sans-serif" : "system-ui, 'Segoe UI', sans-serif";
	const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(body.subject)}</title></head>
<body dir="${dir}" style="font-family:${font};line-height:1.7;margin:0;padding:1rem;text-align:start;direction:${dir}">
<div style="max-inline-size:36rem;margin-inline:auto">
${body.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
${body.facts?.length ? `<table role="presentation" style="border-collapse:collapse">${body.facts.map(([k, v]) => `<tr><th style="text-align:start;padding-inline-end:1rem;vertical-align:top">${escape(k)}</th><td><bdi>${escape(v)}</bdi></td></tr>`).join('')}</table>` : ''}
${body.action ? `<p><a href="${escape(body.action.href)}" style="display:inline-block;padding-block:0.5rem;padding-inline:1rem;background:#0b5cab;color:#fff;text-decoration:none;border-radius:0.4rem">${escape(body.action.label)}</a></p>` : ''}
${(body.after ?? []).map((l) => `<p>${escape(l)}</p>`).join('\n')}
<hr style="border:none;border-block-start:1px solid #ccc">
<p style="color:#555;font-size:0.9em">${escape(w.footer)}${unsubscribe ? ` · <a href="${escape(unsubscribe)}">${escape(w.unsubscribe)}</a>` : ''}</p>
</div>
</body>
</html>`;
	return { text, html };
}

/** The mail an outbox row stands for. */
export function renderMail(row: ClaimedMail, ctx: RenderContext): OutgoingMail {
	const locale: MailLocale = row.locale === 'en' ? 'en' : 'fa';
	const w = WORDING[locale];
	const kind = row.kind as MailKind;
	const payload = JSON.parse(row.payload) as Record<string, unknown>;
	const topic = TOPIC_OF[kind];
	const token = topic && row.personId ? unsubscribeToken(ctx.key, row.personId, topic) : null;
	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'Content-Language': locale };
	let unsubscribePage: string | null = null;
	if (token) {
		unsubscribePage = `${ctx.origin}/mail/unsubscribe?t=${encodeURIComponent(token)}`;
		// The one-click address takes the mail client's POST without a session or a form page.
		headers['List-Unsubscribe'] = `<${ctx.origin}/mail/one-click?t=${encodeURIComponent(token)}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	const domain = fromAddress(ctx.from).email.split('@')[1] ?? 'rahkar';
	const base = { messageId: `<${row.id}@${domain}>`, to: { name: row.toName, address: row.toAddress }, headers };

	if (kind === 'password-reset') {
		const href = `${ctx.origin}/reset-password?token=${encodeURIComponent(String(payload.token))}`;
		const body: Body = {
			subject: w.resetSubject,
			lines: [w.greeting(row.toName), w.resetBody(formatCount(locale, Number(payload.minutes ?? 60)))],
			action: { label: w.resetAction, href },
			after: [w.resetIgnore]
		};
		return { ...base, subject: body.subject, ...page(locale, body, null) };
	}

	if (kind === 'meeting-invitation') {
		const p = payload as unknown as MeetingMailPayload;
		const href = `${ctx.origin}/meetings/${p.meetingId}`;
		const facts: [string, string][] = [[w.when, formatWhen(locale, p.startsAt, p.timeZone)]];
		if (p.place) facts.push([w.place, p.place]);
		if (p.link) facts.push([w.online, p.link]);
		const body: Body = {
			subject: w.meetingSubject(p.change, p.groupName),
			lines: [w.greeting(row.toName), w.meetingLead(p.change, p.groupName)],
			facts,
			action: { label: w.open, href }
		};
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
			{ organizer: fromAddress(ctx.from), attendee: { name: row.toName, email: row.toAddress } }
		);
		return {
			...base,
			subject: body.subject,
			...page(locale, body, unsubscribePage),
			calendar: { ...invitation, filename: invitation.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics' }
		};
	}
	if (kind === 'minutes-archived') {
		const p = payload as unknown as MinutesMailPayload;
		const held = formatDayOf(locale, p.heldAt, p.timeZone);
		const read = `${ctx.origin}/meetings/${p.meetingId}/minutes?version=${p.version}`;
		const body: Body = {
			subject: w.minutesSubject(p.groupName, held, p.amended),
			lines: [w.greeting(row.toName), w.minutesLead(p.groupName, held, p.amended), w.minutesApprove],
			action: { label: w.minutesRead, href: read },
			after: [`${w.minutesPrint}: ${ctx.origin}/meetings/${p.meetingId}/minutes/print?version=${p.version}`]
		};
		return { ...base, subject: body.subject, ...page(locale, body, unsubscribePage) };
	}
	throw new Error(`no template for mail kind ${row.kind}`);
}

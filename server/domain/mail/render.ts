// Turns an outbox row into the mail that is sent: subject, a plain text part and an HTML part
// (right-to-left for Persian) in the recipient's language, the invitation's calendar part, and
// for mail someone may turn off, the one-click unsubscribe headers (RFC 2369, RFC 8058).
import type { OutgoingMail } from '../../mail/transport';
import type { ClaimedMail } from './outbox';
import { TOPIC_OF, type MailKind } from './kinds';
import { unsubscribeToken } from './links';
import { contentOf, type Body, type BodyContext } from './bodies';
import type { DigestPayload } from './digest';
import { NOTICE_WORDING } from './notice-wording';
import { WORDING, formatCount, type MailLocale } from './wording';

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

function page(locale: MailLocale, body: Body, unsubscribe: { href: string; label: string } | null): { text: string; html: string } {
	const w = WORDING[locale];
	const dir = locale === 'fa' ? 'rtl' : 'ltr';
	const text = [
		...body.lines,
		...(body.list ? ['', ...body.list.map((i) => `- ${i.text}${i.href ? `\n  ${i.href}` : ''}`)] : []),
		'',
		...(body.facts ?? []).map(([k, v]) => `${k}: ${v}`),
		...(body.action ? ['', `${body.action.label}: ${body.action.href}`] : []),
		...(body.after ? ['', ...body.after] : []),
		'',
		'-- ',
		w.footer,
		...(unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.href}`] : [])
	].join('\n');
	const font = locale === 'fa' ? "Vazirmatn, Tahoma, 'Segoe UI', sans-serif" : "system-ui, 'Segoe UI', sans-serif";
	const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(body.subject)}</title></head>
<body dir="${dir}" style="font-family:${font};line-height:1.7;margin:0;padding:1rem;text-align:start;direction:${dir}">
<div style="max-inline-size:36rem;margin-inline:auto">
${body.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
${body.list?.length ? `<ul style="padding-inline-start:1.25rem">${body.list.map((i) => `<li>${i.href ? `<a href="${escape(i.href)}">${escape(i.text)}</a>` : escape(i.text)}</li>`).join('')}</ul>` : ''}
${body.facts?.length ? `<table role="presentation" style="border-collapse:collapse">${body.facts.map(([k, v]) => `<tr><th style="text-align:start;padding-inline-end:1rem;vertical-align:top">${escape(k)}</th><td><bdi>${escape(v)}</bdi></td></tr>`).join('')}</table>` : ''}
${body.action ? `<p><a href="${escape(body.action.href)}" style="display:inline-block;padding-block:0.5rem;padding-inline:1rem;background:#0b5cab;color:#fff;text-decoration:none;border-radius:0.4rem">${escape(body.action.label)}</a></p>` : ''}
${(body.after ?? []).map((l) => `<p>${escape(l)}</p>`).join('\n')}
<hr style="border:none;border-block-start:1px solid #ccc">
<p style="color:#555;font-size:0.9em">${escape(w.footer)}${unsubscribe ? ` · <a href="${escape(unsubscribe.href)}">${escape(unsubscribe.label)}</a>` : ''}</p>
</div>
</body>
</html>`;
	return { text, html };
}

/** The mail an outbox row stands for. */
export function renderMail(row: ClaimedMail, ctx: RenderContext): OutgoingMail {
	const locale: MailLocale = row.locale === 'en' ? 'en' : 'fa';
	const kind = row.kind as MailKind;
	const payload = JSON.parse(row.payload) as Record<string, unknown>;
	const topic = TOPIC_OF[kind];
	const token = topic && row.personId ? unsubscribeToken(ctx.key, row.personId, topic) : null;
	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'Content-Language': locale };
	let unsubscribe: { href: string; label: string } | null = null;
	if (token && topic) {
		unsubscribe = { href: `${ctx.origin}/mail/unsubscribe?t=${encodeURIComponent(token)}`, label: NOTICE_WORDING[locale].stop[topic] };
		// The one-click address takes the mail client's POST without a session or a form page.
		headers['List-Unsubscribe'] = `<${ctx.origin}/mail/one-click?t=${encodeURIComponent(token)}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	const domain = fromAddress(ctx.from).email.split('@')[1] ?? 'rahkar';
	const base = { messageId: `<${row.id}@${domain}>`, to: { name: row.toName, address: row.toAddress }, headers };
	const bodyContext: BodyContext = { origin: ctx.origin, organizer: fromAddress(ctx.from), to: base.to };
	if (kind === 'digest') {
		const body = digestBody(locale, payload as unknown as DigestPayload, bodyContext);
		return { ...base, subject: body.subject, ...page(locale, body, null) };
	}
	const { body, calendar } = contentOf(kind, payload, locale, bodyContext);
	return { ...base, subject: body.subject, ...page(locale, body, unsubscribe), ...(calendar ? { calendar } : {}) };
}

/** One mail listing the notices a digest gathers, each by its own subject and link. */
function digestBody(locale: MailLocale, p: DigestPayload, ctx: BodyContext): Body {
	const n = NOTICE_WORDING[locale];
	const list = p.items.map((item) => {
		const { body } = contentOf(item.kind, item.payload, locale, ctx);
		return { text: body.subject, href: body.action?.href };
	});
	return {
		subject: n.digestSubject(p.cadence, formatCount(locale, list.length)),
		lines: [WORDING[locale].greeting(ctx.to.name), n.digestLead(p.cadence)],
		list,
		action: { label: n.digestSettings, href: `${ctx.origin}/notifications/preferences` }
	};
}

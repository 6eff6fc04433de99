// Mail end to end: the real server sends through SMTP to a real SMTP server on loopback
// (test/support/smtp.ts), and the mails that arrive are parsed and followed: a password reset
// link that works once, meeting invitations as iCalendar (parsed with ical.js) in each
// recipient's language, one-click unsubscribe, retries, failures shown to administrators,
// and no mail sent twice when the sender is killed in the middle of a batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { startSmtp, type Received, type TestSmtp } from '../support/smtp';
import { openTestDb, createStranger, demoGroups } from '../support/db';
import { signIn, eventually, connectSocket } from '../support/clients';
import { nextMeeting } from '../support/meeting-fixture';
import { enqueueMail } from '../../server/domain/mail/outbox';
import type { Database } from '../../server/db/client';

const FROM = 'Rahkar <rahkar@mail.test>';
/** The member's password after the reset test sets a new one. */
const MEMBER_PASSWORD = 'a-brand-new-pass';
let smtp: TestSmtp;
let server: TestServer;
let database: Database;

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		env: {
			SMTP_URL: smtp.url,
			MAIL_FROM: FROM,
			RAHKAR_MAIL_EVERY_SECONDS: '0.2',
			RAHKAR_MAIL_RETRY_SECONDS: '0.3',
			RAHKAR_MAIL_LEASE_SECONDS: '3'
		}
	});
	database = await openTestDb(server);
}, 120_000);

afterAll(async () => {
	await database?.close();
	await server?.dispose();
	await smtp?.close();
});

/** A form post as a browser without JavaScript sends it. */
function post(path: string, form: Record<string, string>, cookie?: string) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(form)
	});
}

/** A link from a mail, on the test server (mail links carry the server's public origin). */
function here(href: string): string {
	const u = new URL(href);
	return `${server.url}${u.pathname}${u.search}`;
}

function linkIn(mail: Received, path: string): string {
	const m = new RegExp(`https?://[^\\s"<>]+${path.replace(/[?]/g, '\\?')}[^\\s"<>]*`).exec(mail.mail.text ?? '');
	expect(m, `a ${path} link in the text part`).toBeTruthy();
	return m![0];
}

/** Resolves once no mail waits to be sent. */
const outboxSettled = () =>
	eventually(
		async () => (await database.db.mailOutbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0,
		15_000,
		'outbox settled'
	);

/** A header as it was sent (mailparser folds the List-* headers into one object). */
function header(mail: Received, name: string): string | undefined {
	const line = mail.mail.headerLines.find((h) => h.key === name)?.line;
	return line
		?.slice(line.indexOf(':') + 1)
		.replace(/\r?\n\s+/g, '')
		.trim();
}

/** The invitations (mails with a calendar part) to an address received after the first `since`
 * mails, once there are `count`. */
async function invitationsTo(address: string, count: number, since = 0): Promise<Received[]> {
	const mine = () =>
		smtp.received
			.slice(since)
			.filter((r) => r.to.includes(address) && r.mail.attachments.some((a) => a.contentType.startsWith('text/calendar')));
	await eventually(() => mine().length >= count, 15_000, `${count} invitation(s) to ${address}`);
	return mine();
}

function calendarOf(mail: Received) {
	const part = mail.mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
	expect(part, 'a text/calendar part').toBeTruthy();
	const cal = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
	const event = cal.getFirstSubcomponent('vevent')!;
	return {
		method: cal.getFirstPropertyValue('method'),
		uid: event.getFirstPropertyValue('uid'),
		sequence: Number(event.getFirstPropertyValue('sequence')),
		status: event.getFirstPropertyValue('status'),
		start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
		attendee: String(event.getFirstPropertyValue('attendee'))
	};
}

describe('password reset by mail', () => {
	it('mails a link that sets a new password once, and answers an unknown address the same', async () => {
		const known = await post('/forgot-password', { email: 'member@rahkar.example' });
		const unknown = await post('/forgot-password', { email: 'nobody@rahkar.example' });
		expect(known.status).toBe(200);
		expect(unknown.status).toBe(200);
		expect(await known.text()).toContain('id="forgot-sent"');
		expect(await unknown.text()).toContain('id="forgot-sent"');

		const [mail] = await smtp.mailsTo('member@rahkar.example');
		// The member has chosen no language: Persian, right to left, with a plain text part.
		expect(mail.mail.subject).toBe('بازنشانی گذرواژهٔ راهکار');
		expect(mail.mail.from?.value[0].address).toBe('rahkar@mail.test');
		expect(mail.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		expect(mail.mail.text).toContain('گذرواژهٔ تازه را برگزینید');
		expect(mail.mail.headers.get('content-language')).toBe('fa');
		expect(header(mail, 'list-unsubscribe')).toBeUndefined();
		expect(mail.mail.messageId).toMatch(/@mail\.test>$/);

		const link = here(linkIn(mail, '/reset-password?token='));
		const form = await fetch(link);
		expect(form.status).toBe(200);
		expect(await form.text()).toContain('name="password"');
		const token = new URL(link).searchParams.get('token')!;
		const saved = await post('/reset-password', { token, password: MEMBER_PASSWORD });
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe('/login?reset=1');
		await expect(signIn(server.url, 'member@rahkar.example', MEMBER_PASSWORD)).resolves.toContain('session_token=');
		await expect(signIn(server.url, 'member@rahkar.example', DEMO_PASSWORD)).rejects.toThrow();

		// Used once: the link is spent.
		expect(await (await fetch(link)).text()).not.toContain('name="password"');
		expect((await post('/reset-password', { token, password: 'another-new-pass' })).status).toBe(400);
		await expect(signIn(server.url, 'member@rahkar.example', MEMBER_PASSWORD)).resolves.toContain('session_token=');

		// Nothing went to the unknown address, and nothing is waiting for it.
		expect(smtp.received.some((r) => r.to.includes('nobody@rahkar.example'))).toBe(false);
		expect(await database.db.mailOutbox.count({ where: { toAddress: 'nobody@rahkar.example' } })).toBe(0);
	});

	it('throttles requests for one address', async () => {
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push((await post('/forgot-password', { email: 'unknown-twice@rahkar.example' })).status);
		expect(answers).toEqual([200, 200, 200, 429]);
	});
});

describe('meeting invitations', () => {
	it('sends each member the scheduled, moved and cancelled meeting as iCalendar, in their language, with one-click unsubscribe', async () => {
		const db = database.db;
		await db.user.update({ where: { email: 'executor@rahkar.example' }, data: { locale: 'en' } });
		// The series' next occurrences come into being: each is an invitation, written with it.
		const meeting = await nextMeeting(db);
		const group = await db.group.findUniqueOrThrow({ where: { id: meeting.groupId }, include: { series: true } });
		const created = await db.meeting.findMany({ where: { groupId: group.id }, orderBy: { startsAt: 'asc' } });
		expect(created.length).toBeGreaterThan(1);
		const scheduled = await invitationsTo('executor@rahkar.example', created.length);
		expect(scheduled.map((r) => r.mail.subject)).toEqual(created.map(() => `Meeting of ${group.name}`));
		expect(scheduled.map((r) => calendarOf(r).uid).sort()).toEqual(created.map((m) => `meeting-${m.id}@rahkar`).sort());
		expect(scheduled.every((r) => calendarOf(r).method === 'REQUEST')).toBe(true);
		await outboxSettled();
		const mark = smtp.received.length;

		const moderator = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
		const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
		const moved = await post(`/groups/${group.id}/meetings?/move`, { meetingId: meeting.id, date: day, time: '10:30' }, moderator);
		expect(moved.status).toBe(200);
		const row = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });

		const [invitation] = await invitationsTo('member@rahkar.example', 1, mark);
		const [en] = await invitationsTo('executor@rahkar.example', 1, mark);
		expect(en.mail.subject).toBe(`Meeting of ${group.name} moved`);
		expect(en.mail.html).toMatch(/<html lang="en" dir="ltr">/);
		expect(invitation.mail.subject).toBe(`زمان جلسهٔ ${group.name} تغییر کرد`);
		expect(invitation.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		// Jalali date and Persian digits, from the platform's Intl.
		const jalaliYear = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', timeZone: group.series!.timeZone }).format(
			row.startsAt
		);
		expect(jalaliYear).toMatch(/^[۰-۹]{4}/);
		expect(invitation.mail.text).toContain(jalaliYear.replace(/\D*$/, ''));
		expect(invitation.mail.text).toMatch(/۱۰:۳۰/);

		const ics = calendarOf(invitation);
		expect(ics.method).toBe('REQUEST');
		expect(ics.uid).toBe(`meeting-${meeting.id}@rahkar`);
		expect(ics.sequence).toBe(row.version);
		expect(ics.start.getTime()).toBe(row.startsAt.getTime());
		expect(ics.attendee.toLowerCase()).toBe('mailto:member@rahkar.example');
		expect(calendarOf(en).uid).toBe(ics.uid);

		// The links work: the meeting page (for a member) and the unsubscribe page.
		expect(linkIn(invitation, `/meetings/${meeting.id}`)).toContain(`/meetings/${meeting.id}`);
		expect(header(invitation, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		const oneClick = here(/^<([^>]+)>$/.exec(header(invitation, 'list-unsubscribe') ?? '')![1]);
		const page = await fetch(here(linkIn(invitation, '/mail/unsubscribe?t=')));
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('type="submit"');

		// Cancelled: the same event, a higher SEQUENCE, METHOD:CANCEL.
		expect((await post(`/groups/${group.id}/meetings?/cancel`, { meetingId: meeting.id }, moderator)).status).toBe(200);
		const cancel = (await invitationsTo('member@rahkar.example', 2, mark))[1];
		const cancelled = calendarOf(cancel);
		expect(cancelled.method).toBe('CANCEL');
		expect(cancelled.status).toBe('CANCELLED');
		expect(cancelled.uid).toBe(ics.uid);
		expect(cancelled.sequence).toBeGreaterThan(ics.sequence);

		// One click, as a mail client does it: no session, no Origin, just the signed address.
		const forged = oneClick.replace(/\.([^.]+)$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
		expect(
			(
				await fetch(forged, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: 'List-Unsubscribe=One-Click'
				})
			).status
		).toBe(404);
		const done = await fetch(oneClick, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(done.status).toBe(200);

		// Brought back: everyone else is told, the member who unsubscribed is not.
		expect((await post(`/groups/${group.id}/meetings?/restore`, { meetingId: meeting.id }, moderator)).status).toBe(200);
		const restored = (await invitationsTo('executor@rahkar.example', 3, mark))[2];
		expect(calendarOf(restored).method).toBe('REQUEST');
		await new Promise((r) => setTimeout(r, 1000));
		expect(await invitationsTo('member@rahkar.example', 2, mark)).toHaveLength(2);

		// The member turns meeting mail back on from their preferences page; the next change reaches them.
		const member = await signIn(server.url, 'member@rahkar.example', MEMBER_PASSWORD);
		const prefs = await (await fetch(`${server.url}/notifications/preferences`, { headers: { cookie: member } })).text();
		expect(prefs).toMatch(/name="meetings"(?![^>]*checked)[^>]*>/);
		expect((await post('/notifications/preferences?/mail', { meetings: 'on' }, member)).status).toBe(200);
		expect(await (await fetch(`${server.url}/notifications/preferences`, { headers: { cookie: member } })).text()).toMatch(
			/name="meetings"[^>]*checked/
		);
		expect((await post(`/groups/${group.id}/meetings?/cancel`, { meetingId: meeting.id }, moderator)).status).toBe(200);
		expect(calendarOf((await invitationsTo('member@rahkar.example', 3, mark))[2]).method).toBe('CANCEL');
	});
});

describe('minutes by mail', () => {
	it('tells each member when minutes are archived, with working links to read and print them', async () => {
		const db = database.db;
		const groupId = (await demoGroups(database))[0].id;
		const meetingId = (await db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() - 60_000) } })).id;
		const moderator = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
		const socket = await connectSocket(server.url, moderator);
		try {
			expect(await socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });
			expect(await socket.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
		} finally {
			socket.close();
		}
		expect((await fetch(`${server.url}/meetings/${meetingId}/minutes`, { headers: { cookie: moderator } })).status).toBe(200);
		const draft = await db.minutes.findFirstOrThrow({ where: { meetingId } });
		await outboxSettled();
		const mark = smtp.received.length;
		expect((await post(`/meetings/${meetingId}/minutes?/archive`, { minutesId: draft.id }, moderator)).status).toBe(200);

		const minutesMail = async (address: string) => {
			await eventually(() => smtp.received.slice(mark).some((r) => r.to.includes(address)), 15_000, `minutes mail to ${address}`);
			return smtp.received.slice(mark).find((r) => r.to.includes(address))!;
		};
		const en = await minutesMail('executor@rahkar.example'); // English since the invitation test
		expect(en.mail.subject).toMatch(/^Minutes of /);
		expect(en.mail.text).toContain('approve');
		const fa = await minutesMail('observer@rahkar.example');
		expect(fa.mail.subject).toMatch(/^صورت‌جلسهٔ /);
		expect(fa.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		expect(header(fa, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		// The links open the archived minutes and their print view, for a member.
		const observer = await signIn(server.url, 'observer@rahkar.example', DEMO_PASSWORD);
		for (const path of [`/meetings/${meetingId}/minutes?version=`, `/meetings/${meetingId}/minutes/print?version=`]) {
			const res = await fetch(here(linkIn(fa, path)), { headers: { cookie: observer } });
			expect(res.status, path).toBe(200);
		}
		// The one-click link for minutes turns off minutes, not meetings.
		const oneClick = here(/^<([^>]+)>$/.exec(header(fa, 'list-unsubscribe') ?? '')![1]);
		const body = 'List-Unsubscribe=One-Click';
		expect((await fetch(oneClick, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).status).toBe(
			200
		);
		const observerPerson = (await db.user.findUniqueOrThrow({ where: { email: 'observer@rahkar.example' } })).personId!;
		const prefs = await db.mailPreference.findMany({ where: { personId: observerPerson } });
		expect(prefs.map((p) => [p.kind, p.enabled])).toEqual([['minutes', false]]);
	});
});

describe('the outbox', () => {
	it('retries after the SMTP server refuses, then records the mail as sent', async () => {
		await outboxSettled(); // the refusals are for this mail, not one still going out
		smtp.refuse(2, 451);
		await post('/forgot-password', { email: 'moderator@rahkar.example' });
		const where = { toAddress: 'moderator@rahkar.example', kind: 'password-reset' };
		await eventually(async () => (await database.db.mailOutbox.findFirst({ where }))?.status === 'SENT', 20_000, 'recorded as sent');
		const row = await database.db.mailOutbox.findFirstOrThrow({ where });
		// Refused twice (451), accepted the third time, and received once.
		expect(row.attempts).toBe(3);
		expect(smtp.received.filter((r) => r.mail.messageId === row.messageId)).toHaveLength(1);
	});

	it('shows a mail the server refuses for good to administrators, who can send it again', async () => {
		const { email } = await createStranger(database, 'bounce@rahkar.example', 'bounce-pass-12');
		smtp.bounce(email);
		await post('/forgot-password', { email });
		await eventually(
			async () => (await database.db.mailOutbox.findFirst({ where: { toAddress: email, status: 'FAILED' } })) !== null,
			15_000,
			'failed mail'
		);
		const admin = await signIn(server.url, 'admin@rahkar.example', DEMO_PASSWORD);
		const listing = await fetch(`${server.url}/admin/mail`, { headers: { cookie: admin } });
		expect(listing.status).toBe(200);
		expect(await listing.text()).toContain(email);
		const moderator = await signIn(server.url, 'moderator@rahkar.example', DEMO_PASSWORD);
		expect((await fetch(`${server.url}/admin/mail`, { headers: { cookie: moderator } })).status).toBe(403);

		smtp.unbounce(email);
		const row = await database.db.mailOutbox.findFirstOrThrow({ where: { toAddress: email } });
		expect((await post('/admin/mail?/retry', { id: row.id }, admin)).status).toBe(200);
		await smtp.mailsTo(email);
		await eventually(
			async () => (await database.db.mailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status === 'SENT',
			5000,
			'sent'
		);
	});

	it('sends every mail exactly once when the sender is killed in the middle of a batch', async () => {
		await outboxSettled();
		const addresses = Array.from({ length: 6 }, (_, i) => `batch-${i}@mail.test`);
		const held = smtp.holdNext(2);
		for (const address of addresses) {
			await enqueueMail(database.db, {
				kind: 'password-reset',
				organisationId: null,
				to: { address },
				locale: 'en',
				payload: { token: `batch-token-${address}`, minutes: 60 }
			});
		}
		await held; // two mails accepted, the third sent and waiting for the server's answer
		await server.stop(true);
		smtp.release();
		await server.restart();
		await eventually(() => addresses.every((a) => smtp.received.some((r) => r.to.includes(a))), 30_000, 'every batch mail');
		// Longer than a claim: a mail that would be sent twice has had its chance.
		await new Promise((r) => setTimeout(r, 4000));
		const counts = addresses.map((a) => smtp.received.filter((r) => r.to.includes(a)).length);
		expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
		const rows = await database.db.mailOutbox.findMany({ where: { toAddress: { in: addresses } } });
		expect(rows.every((r) => r.status === 'SENT')).toBe(true);
		expect(rows.map((r) => r.attempts).sort()).toEqual([1, 1, 1, 1, 1, 2]);
	}, 90_000);
});

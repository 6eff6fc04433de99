// The notices Rahkar mails beside invitations and minutes, end to end: the real server runs
// its jobs (reminder and digest scans every 0.3 s) and sends through SMTP to a real SMTP
// server on loopback, whose mails are parsed. Meeting reminders once per meeting and person
// however often the job runs (and when a second writer runs it at the same time), none for a
// cancelled meeting or for whoever turned reminders off; "Send the agenda" with the titles of
// the collaborative agenda; action items assigned, due soon and overdue, each with its own
// switch; and the daily digest that gathers notices into one mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { startSmtp, type Received, type TestSmtp } from '../support/smtp';
import { openTestDb, demoGroups, storedDoc } from '../support/db';
import { signIn, eventually, synced, yjsClient, type YClient } from '../support/clients';
import { addItem, agendaItems } from '../../shared/agenda';
import { agendaDocumentName } from '../../shared/documents';
import { addDays, todayIn } from '../../shared/action-items';
import { MAIL_TOPICS } from '../../shared/mail';
import { enqueueMeetingReminders } from '../../server/domain/mail/reminder-mail';
import { sendDueReminders } from '../../server/domain/action-items/reminders';
import { sendDueDigests } from '../../server/domain/mail/digest';
import type { Database } from '../../server/db/client';

const DAY_MS = 86_400_000;
let smtp: TestSmtp;
let server: TestServer;
let database: Database;
let groupId: string;
let timeZone: string;
const cookies: Record<string, string> = {};
const clients: YClient[] = [];

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		env: {
			SMTP_URL: smtp.url,
			MAIL_FROM: 'Rahkar <rahkar@mail.test>',
			RAHKAR_MAIL_EVERY_SECONDS: '0.2',
			RAHKAR_MAIL_SCAN_SECONDS: '0.3',
			RAHKAR_MAIL_REMINDER_HOURS: '24'
		}
	});
	database = await openTestDb(server);
	const group = (await demoGroups(database))[0];
	groupId = group.id;
	timeZone =
		(await database.db.group.findUniqueOrThrow({ where: { id: groupId }, include: { series: true } })).series?.timeZone ?? 'Asia/Tehran';
	for (const who of ['moderator', 'member', 'executor', 'observer'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	await database.db.user.update({ where: { email: 'executor@rahkar.example' }, data: { locale: 'en' } });
}, 120_000);

afterAll(async () => {
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
	await smtp?.close();
});

function post(path: string, form: Record<string, string>, cookie: string) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
		body: new URLSearchParams(form)
	});
}

/** The preferences form with every topic ticked but `off`, and the digest choice. */
const preferences = (off: string[], digest = 'off') =>
	Object.fromEntries([...MAIL_TOPICS.filter((t) => !off.includes(t)).map((t) => [t, 'on']), ['digest', digest]]);

/** Mails to `address` whose text links to `path`. */
const mailsAbout = (address: string, path: string): Received[] =>
	smtp.received.filter((r) => r.to.includes(address) && (r.mail.text ?? '').includes(path));

const outboxSettled = () =>
	eventually(
		async () => (await database.db.mailOutbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0,
		15_000,
		'outbox settled'
	);

const rowsFor = (kind: string, contains: string) => database.db.mailOutbox.findMany({ where: { kind, payload: { contains } } });

function header(mail: Received, name: string): string | undefined {
	const line = mail.mail.headerLines.find((h) => h.key === name)?.line;
	return line
		?.slice(line.indexOf(':') + 1)
		.replace(/\r?\n\s+/g, '')
		.trim();
}

describe('meeting reminders', () => {
	it('mails each member once before a meeting, however often the job runs; none for a cancelled meeting or who turned them off', async () => {
		const db = database.db;
		// The observer turns reminders off on the preferences page.
		expect((await post('/notifications/preferences?/mail', preferences(['reminders']), cookies.observer)).status).toBe(200);
		const soon = await db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() + 3 * 3_600_000), place: 'تالار شورا' } });
		const cancelled = await db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() + 2 * 3_600_000), status: 'CANCELLED' } });
		const later = await db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() + 2 * DAY_MS) } });

		await eventually(() => mailsAbout('member@rahkar.example', `/meetings/${soon.id}`).length > 0, 15_000, 'reminder to the member');
		// A second writer (another node's run of the same job) at the same time writes nothing more.
		const [a, b] = await Promise.all([enqueueMeetingReminders(db, DAY_MS), enqueueMeetingReminders(db, DAY_MS)]);
		expect(a + b).toBe(0);
		await new Promise((r) => setTimeout(r, 1500)); // five more runs of the server's own job
		await outboxSettled();

		const rows = await rowsFor('meeting-reminder', soon.id);
		const people = rows.map((r) => r.personId);
		expect(new Set(people).size).toBe(people.length);
		expect(rows.length).toBeGreaterThanOrEqual(3);
		for (const address of ['member@rahkar.example', 'executor@rahkar.example', 'moderator@rahkar.example']) {
			expect(mailsAbout(address, `/meetings/${soon.id}`), address).toHaveLength(1);
		}
		expect(mailsAbout('observer@rahkar.example', `/meetings/${soon.id}`)).toHaveLength(0);
		expect(await rowsFor('meeting-reminder', cancelled.id)).toHaveLength(0);
		expect(await rowsFor('meeting-reminder', later.id)).toHaveLength(0);

		// In each reader's language: Persian right to left with Jalali date and Persian digits, English for the executor.
		const [fa] = mailsAbout('member@rahkar.example', `/meetings/${soon.id}`);
		expect(fa.mail.subject).toMatch(/^یادآوری: جلسهٔ /);
		expect(fa.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		expect(fa.mail.text).toContain('تالار شورا');
		const jalaliYear = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', timeZone })
			.format(soon.startsAt)
			.replace(/\D*$/, '');
		expect(fa.mail.text).toContain(jalaliYear);
		expect(fa.mail.text).toMatch(/حدود [۰-۹]+ ساعت دیگر/);
		const [en] = mailsAbout('executor@rahkar.example', `/meetings/${soon.id}`);
		expect(en.mail.subject).toMatch(/^Reminder: meeting of /);
		expect(en.mail.html).toMatch(/<html lang="en" dir="ltr">/);

		// One click turns reminders off, and only reminders.
		expect(header(fa, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		const oneClick = /^<([^>]+)>$/.exec(header(fa, 'list-unsubscribe') ?? '')![1];
		const u = new URL(oneClick);
		const res = await fetch(`${server.url}${u.pathname}${u.search}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(res.status).toBe(200);
		const memberPerson = (await db.user.findUniqueOrThrow({ where: { email: 'member@rahkar.example' } })).personId!;
		expect((await db.mailPreference.findMany({ where: { personId: memberPerson, enabled: false } })).map((p) => p.kind)).toEqual([
			'reminders'
		]);
	});
});

describe('sending the agenda', () => {
	it('mails the collaborative agenda’s titles to the members, once per wording of the agenda, for moderators only', async () => {
		const db = database.db;
		const meeting = await db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() + 5 * DAY_MS) } });
		const path = `/meetings/${meeting.id}?/sendAgenda`;
		// Nothing to send yet.
		expect((await post(path, {}, cookies.moderator)).status).toBe(409);
		expect(await (await fetch(`${server.url}/meetings/${meeting.id}`, { headers: { cookie: cookies.moderator } })).text()).toContain(
			'data-testid="send-agenda"'
		);
		expect(await (await fetch(`${server.url}/meetings/${meeting.id}`, { headers: { cookie: cookies.member } })).text()).not.toContain(
			'data-testid="send-agenda"'
		);

		const agenda = yjsClient(server.url, agendaDocumentName(meeting.id), cookies.moderator);
		clients.push(agenda);
		await synced(agenda);
		addItem(agenda.doc, { title: 'بازارچهٔ محله', minutes: 15 });
		addItem(agenda.doc, { title: 'Budget 1405', minutes: 10 });
		await eventually(
			async () => agendaItems(await storedDoc(database, agendaDocumentName(meeting.id))).length === 2,
			10_000,
			'agenda stored'
		);

		expect((await post(path, {}, cookies.member)).status).toBe(403);
		expect((await post(path, {}, cookies.moderator)).status).toBe(200);
		await eventually(() => mailsAbout('member@rahkar.example', `/meetings/${meeting.id}`).length > 0, 15_000, 'agenda mail');
		const first = (await rowsFor('agenda-published', meeting.id)).length;
		expect(first).toBeGreaterThanOrEqual(4);
		// The same agenda again (a second click): nothing more.
		expect((await post(path, {}, cookies.moderator)).status).toBe(200);
		expect(await rowsFor('agenda-published', meeting.id)).toHaveLength(first);
		await outboxSettled();

		const [fa] = mailsAbout('member@rahkar.example', `/meetings/${meeting.id}`);
		expect(fa.mail.subject).toMatch(/^دستور جلسهٔ /);
		expect(fa.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		expect(fa.mail.text).toContain('۱. بازارچهٔ محله');
		expect(fa.mail.text).toContain('۲. Budget 1405');
		expect(fa.mail.text).toMatch(/فرستاد:/);
		expect(header(fa, 'list-unsubscribe')).toMatch(/one-click/);
		const [en] = mailsAbout('executor@rahkar.example', `/meetings/${meeting.id}`);
		expect(en.mail.subject).toMatch(/^Agenda of the meeting of /);
		expect(en.mail.text).toContain('1. بازارچهٔ محله');

		// The agenda changed: sending it again sends the new one.
		addItem(agenda.doc, { title: 'گزارش کارگروه', minutes: 5 });
		await eventually(
			async () => agendaItems(await storedDoc(database, agendaDocumentName(meeting.id))).length === 3,
			10_000,
			'agenda stored'
		);
		expect((await post(path, {}, cookies.moderator)).status).toBe(200);
		expect(await rowsFor('agenda-published', meeting.id)).toHaveLength(2 * first);
		await outboxSettled();
		expect(mailsAbout('member@rahkar.example', `/meetings/${meeting.id}`)).toHaveLength(2);
	});
});

describe('action item mail', () => {
	const create = (title: string, owner: string, dueDate: string) =>
		post(`/groups/${groupId}/actions?/create`, { title, ownerPersonId: owner, side: 'ENTREPRENEUR', dueDate }, cookies.moderator);
	const personOf = async (who: string) =>
		(await database.db.user.findUniqueOrThrow({ where: { email: `${who}@rahkar.example` } })).personId!;

	it('mails the owner when an item is given them, when it is due soon and when it is overdue, once each, each kind its own switch', async () => {
		const db = database.db;
		const today = todayIn(timeZone);
		const member = await personOf('member');
		const executor = await personOf('executor');
		expect((await create('گزارش بازار محله', member, addDays(today, 14))).status).toBe(200);
		const assigned = await db.actionItem.findFirstOrThrow({ where: { title: 'گزارش بازار محله' } });
		await eventually(() => mailsAbout('member@rahkar.example', `/actions/${assigned.id}`).length > 0, 15_000, 'assigned mail');
		const [fa] = mailsAbout('member@rahkar.example', `/actions/${assigned.id}`);
		expect(fa.mail.subject).toBe('اقدام برای شما: گزارش بازار محله');
		expect(fa.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		const jalaliDue = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(new Date(`${assigned.dueDate}T12:00:00Z`));
		expect(fa.mail.text).toContain(jalaliDue);
		expect(jalaliDue).toMatch(/[۰-۹]/);

		// The executor turns off mail about assigned items, but keeps due-soon and overdue mail.
		expect((await post('/notifications/preferences?/mail', preferences(['action-assigned']), cookies.executor)).status).toBe(200);
		expect((await create('Budget review', executor, addDays(today, 1))).status).toBe(200);
		expect((await create('Late report', executor, addDays(today, -1))).status).toBe(200);
		const dueSoon = await db.actionItem.findFirstOrThrow({ where: { title: 'Budget review' } });
		const overdue = await db.actionItem.findFirstOrThrow({ where: { title: 'Late report' } });
		// The in-app notice was made; its mail was not.
		const executorUser = await db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } });
		expect(await db.notification.count({ where: { userId: executorUser.id, actionItemId: dueSoon.id, kind: 'ASSIGNED' } })).toBe(1);
		expect(await rowsFor('action-assigned', dueSoon.id)).toHaveLength(0);

		// The reminder job, run twice (as the next round, or a second node, would): one mail each.
		await sendDueReminders(db);
		await sendDueReminders(db);
		await outboxSettled();
		const soonMails = mailsAbout('executor@rahkar.example', `/actions/${dueSoon.id}`);
		const lateMails = mailsAbout('executor@rahkar.example', `/actions/${overdue.id}`);
		expect(soonMails.map((r) => r.mail.subject)).toEqual(['Due soon: Budget review']);
		expect(lateMails.map((r) => r.mail.subject)).toEqual(['Overdue: Late report']);
		expect(lateMails[0].mail.html).toMatch(/<html lang="en" dir="ltr">/);
		expect(header(lateMails[0], 'list-unsubscribe')).toMatch(/one-click/);
	});
});

describe('the digest', () => {
	it('holds a person’s notices and sends them as one daily mail, once, in their language', async () => {
		const db = database.db;
		const observer = (await db.user.findUniqueOrThrow({ where: { email: 'observer@rahkar.example' } })).personId!;
		expect((await post('/notifications/preferences?/mail', preferences([], 'daily'), cookies.observer)).status).toBe(200);
		expect(await (await fetch(`${server.url}/notifications/preferences`, { headers: { cookie: cookies.observer } })).text()).toMatch(
			/value="daily"[^>]*checked/
		);
		const mark = smtp.received.length;
		// Two notices: an agenda and an action item for the observer.
		const meeting = await db.meeting.create({ data: { groupId, startsAt: new Date(Date.now() + 6 * DAY_MS) } });
		const agenda = yjsClient(server.url, agendaDocumentName(meeting.id), cookies.moderator);
		clients.push(agenda);
		await synced(agenda);
		addItem(agenda.doc, { title: 'طرح پسماند', minutes: 15 });
		await eventually(
			async () => agendaItems(await storedDoc(database, agendaDocumentName(meeting.id))).length === 1,
			10_000,
			'agenda stored'
		);
		expect((await post(`/meetings/${meeting.id}?/sendAgenda`, {}, cookies.moderator)).status).toBe(200);
		const due = addDays(todayIn(timeZone), 20);
		expect(
			(
				await post(
					`/groups/${groupId}/actions?/create`,
					{ title: 'پیگیری پسماند', ownerPersonId: observer, side: 'MEDIA', dueDate: due },
					cookies.moderator
				)
			).status
		).toBe(200);
		await outboxSettled();
		const held = await db.mailOutbox.findMany({ where: { personId: observer, status: 'HELD' } });
		expect(held.map((h) => h.kind).sort()).toEqual(['action-assigned', 'agenda-published']);
		// (Reminders, on again now, still come at once: only these notices wait.)
		const toObserver = () => smtp.received.slice(mark).filter((r) => r.to.includes('observer@rahkar.example'));
		const isDigest = (r: Received) => (r.mail.subject ?? '').startsWith('چکیده');
		expect(
			toObserver().filter((r) => (r.mail.text ?? '').includes(`/meetings/${meeting.id}`) || (r.mail.text ?? '').includes('/actions/'))
		).toHaveLength(0);

		// A day passes: the digest is due; two writers at once make one.
		await db.mailDigest.update({ where: { personId: observer }, data: { nextDueAt: new Date(Date.now() - 1000) } });
		await Promise.all([sendDueDigests(db), sendDueDigests(db)]);
		await eventually(() => toObserver().some(isDigest), 15_000, 'digest');
		await new Promise((r) => setTimeout(r, 1000));
		await outboxSettled();
		const digests = toObserver().filter(isDigest);
		expect(digests).toHaveLength(1);
		const digest = digests[0];
		expect(digest.mail.subject).toBe('چکیدهٔ روزانهٔ راهکار: ۲ اعلان');
		expect(digest.mail.html).toMatch(/<html lang="fa" dir="rtl">/);
		expect(digest.mail.text).toContain(`/meetings/${meeting.id}`);
		expect(digest.mail.text).toContain('اقدام برای شما: پیگیری پسماند');
		expect(await db.mailOutbox.count({ where: { personId: observer, status: 'HELD' } })).toBe(0);
		expect(await db.mailOutbox.count({ where: { id: { in: held.map((h) => h.id) }, status: 'DIGESTED' } })).toBe(2);
		const next = await db.mailDigest.findUniqueOrThrow({ where: { personId: observer } });
		expect(next.nextDueAt.getTime()).toBeGreaterThan(Date.now());

		// Back to single mails: nothing is held, and the next notice goes out on its own.
		expect((await post('/notifications/preferences?/mail', preferences([], 'off'), cookies.observer)).status).toBe(200);
		expect(await db.mailDigest.count({ where: { personId: observer } })).toBe(0);
	});
});

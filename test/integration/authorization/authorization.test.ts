// Runs the authorisation table (table.ts) against the real server, for every role: every
// page, form action and endpoint over HTTP as a browser sends them, every Socket.IO event
// over a real socket, every kind of collab document over y-websocket. First it checks that
// the table covers exactly what the source defines (surface.ts), so a new route, action,
// event or document kind without a row fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../../support/server';
import { closed, connectSocket, eventually, signIn, synced, yjsClient, type TestSocket, type YClient } from '../../support/clients';
import { demoGroups, openTestDb, storedDoc } from '../../support/db';
import { actorFor, nextMeeting } from '../../support/meeting-fixture';
import type { Database, Db } from '../../../server/db/client';
import type { Actor } from '../../../server/domain/access';
import { createAuth } from '../../../server/auth/auth';
import { loadConfig } from '../../../server/config';
import { createUser } from '../../../server/domain/users';
import { createPerson } from '../../../server/domain/databank/people';
import { fileProposal } from '../../../server/domain/proposals/proposals';
import { postComment } from '../../../server/domain/discussion/comments';
import { createActionItem } from '../../../server/domain/action-items/create';
import { reindexProposals } from '../../../server/domain/search/reindex';
import { addItem, agendaItems } from '../../../shared/agenda';
import { agendaDocumentName } from '../../../shared/documents';
import { declaredClientEvents, documentKinds, httpSurface, socketSurface } from './surface';
import {
	LOGIN,
	OK,
	ROLES,
	STAFF_ROLES,
	TABLE,
	needsStaffColumns,
	type AnyRole,
	type DocRow,
	type Fixture,
	type HttpCell,
	type HttpRow,
	type Role,
	type SocketRow
} from './table';
import { registerAtDesk } from '../../../server/domain/intake/intake';
import { addCoordinator, addSession, createCourse } from '../../../server/domain/courses/courses';
import { complete, enrol, recordAttendance } from '../../../server/domain/courses/enrolment';
import { certificateKeys } from '../../../server/domain/courses/signing';

let server: TestServer;
let database: Database;
let db: Db;
const cookies: Partial<Record<AnyRole, string>> = {};
const sockets: Partial<Record<Role, TestSocket>> = {};
const clients: YClient[] = [];
const fixture: Fixture = {
	ids: {},
	text: {},
	async openVote(meetingId) {
		const vote = await db.vote.findFirst({ where: { meetingId, status: 'OPEN' }, select: { id: true } });
		return vote?.id ?? 'no-open-vote';
	}
};
const { ids, text } = fixture;
const EMAILS: Record<Exclude<AnyRole, 'anonymous'>, string> = {
	admin: 'admin@rahkar.example',
	moderator: 'moderator@rahkar.example',
	member: 'member@rahkar.example',
	executor: 'executor@rahkar.example',
	observer: 'observer@rahkar.example',
	otherGroup: 'other-group@rahkar.example',
	otherOrgAdmin: 'admin@elsewhere.example',
	staff: 'staff@rahkar.example',
	otherStaff: 'other-staff@rahkar.example'
};
const PASSWORD = (role: AnyRole) => (['otherGroup', 'otherOrgAdmin', 'otherStaff'].includes(role) ? 'fixture-pass-1' : DEMO_PASSWORD);
const RUN_ORDER: AnyRole[] = [
	'anonymous',
	'otherOrgAdmin',
	'otherGroup',
	'otherStaff',
	'observer',
	'executor',
	'member',
	'moderator',
	'staff',
	'admin'
];
/** Refused roles first, so that an allowed role's change cannot alter what they get; the
 * staff columns only where the row gives them. */
const runOrder = (expected: Partial<Record<AnyRole, unknown>>) => {
	const roles = RUN_ORDER.filter((r) => r in expected);
	return [
		...roles.filter((r) => expected[r] !== OK && expected[r] !== 200),
		...roles.filter((r) => expected[r] === OK || expected[r] === 200)
	];
};

async function ack(socket: TestSocket, event: string, payload: unknown): Promise<{ ok: boolean; code?: string }> {
	return (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; code?: string }> }).emitWithAck(
		event,
		payload
	);
}

// ---- The fixture: the demo organisation plus what the rows name ---------------------------
beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	db = database.db;
	const [groupA, groupB] = await demoGroups(database);
	const org = await db.organisation.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
	const auth = createAuth({ db, config: loadConfig({ DATABASE_URL: 'file:unused.db' }), secret: 'fixture-only' });
	const actors: Record<string, Actor> = {};
	for (const who of ['admin', 'moderator', 'member', 'executor', 'observer']) actors[who] = await actorFor(db, who);
	const person = async (name: string) => (await createPerson(db, actors.admin, { name, consent: true })).id;

	// A member of the second group only, and an administrator of another organisation.
	const outsider = await person('عضو کارگروه دیگر');
	await db.membership.create({ data: { groupId: groupB.id, personId: outsider, side: 'LEGAL', role: 'MEMBER' } });
	await createUser(
		{ db, auth },
		{ organisationId: org.id, email: EMAILS.otherGroup, name: 'Other group', password: PASSWORD('otherGroup'), personId: outsider }
	);
	const elsewhere = await db.organisation.create({ data: { name: 'Elsewhere' } });
	await createUser(
		{ db, auth },
		{
			organisationId: elsewhere.id,
			email: EMAILS.otherOrgAdmin,
			name: 'Elsewhere admin',
			password: PASSWORD('otherOrgAdmin'),
			isAdmin: true
		}
	);

	const a = await db.group.findUniqueOrThrow({ where: { id: groupA.id } });
	Object.assign(ids, { groupA: groupA.id, groupB: groupB.id, groupADistrict: a.districtId ?? '' });
	Object.assign(text, { groupAName: a.name, groupADescription: a.description ?? '' });
	await db.group.update({ where: { id: groupA.id }, data: { publishOutcomes: true } });
	ids.memberPerson = actors.member.personId!;
	ids.executorPerson = actors.executor.personId!;

	// Seats for the membership rows: one to change, one to give, one per role to remove.
	ids.seatTarget = await person('صندلی تغییر');
	await db.membership.create({ data: { groupId: groupA.id, personId: ids.seatTarget, side: 'AGENCY', role: 'MEMBER' } });
	ids.unseated = await person('بی‌صندلی');
	for (const role of ROLES) {
		ids[`seat-${role}`] = await person(`صندلی ${role}`);
		await db.membership.create({ data: { groupId: groupA.id, personId: ids[`seat-${role}`], side: 'LEGAL', role: 'MEMBER' } });
	}

	// The databank: a consenting person with an email, another to introduce them to, one to archive and merge into.
	const consenting = await db.person.findFirstOrThrow({ where: { name: 'پریسا رستمی' } });
	Object.assign(ids, { person: consenting.id });
	Object.assign(text, { personName: consenting.name, personEmail: consenting.email! });
	ids.person2 = (await db.person.findFirstOrThrow({ where: { consent: true, id: { not: consenting.id }, organisationId: org.id } })).id;
	ids.introduction = (await db.introduction.create({ data: { organisationId: org.id, personId: ids.person, toPersonId: ids.person2 } })).id;
	text.disposableName = 'فرد یک‌بارمصرف';
	ids.disposablePerson = await person(text.disposableName);
	ids.duplicatePerson = await person('فرد تکراری');
	// With an email and no account: the one an administrator invites to an account.
	ids.inviteePerson = (await createPerson(db, actors.admin, { name: 'مهمان دعوت‌شده', email: 'invitee@rahkar.example', consent: true })).id;
	const district = await db.district.findFirstOrThrow({ where: { organisationId: org.id }, orderBy: { number: 'asc' } });
	Object.assign(ids, { district: district.id });
	Object.assign(text, { districtName: district.name, districtNumber: String(district.number ?? '') });
	const field = await db.field.findFirstOrThrow({ where: { organisationId: org.id } });
	ids.field = field.id;
	text.fieldName = field.name;

	// Meetings: the next one (read only), a later occurrence (moved, cancelled, restored), one for
	// the start/close forms, one closed with draft minutes, and one live (started below).
	ids.meetingA = (await nextMeeting(db)).id;
	ids.occurrence = (
		await db.meeting.findFirstOrThrow({
			where: { groupId: groupA.id, status: 'SCHEDULED', id: { not: ids.meetingA } },
			orderBy: { startsAt: 'desc' }
		})
	).id;
	ids.meetingForms = (await db.meeting.create({ data: { groupId: groupA.id, startsAt: new Date(Date.now() + 3_600_000) } })).id;
	ids.meetingClosed = (await db.meeting.create({ data: { groupId: groupA.id, startsAt: new Date(Date.now() - 7_200_000) } })).id;
	ids.meetingLive = (await db.meeting.create({ data: { groupId: groupA.id, startsAt: new Date(Date.now() - 60_000) } })).id;

	// District staff: the demo's of the first district, and one of another district (intake).
	const otherDistrict = await db.district.findFirstOrThrow({
		where: { organisationId: org.id, id: { not: district.id } },
		orderBy: { number: 'asc' }
	});
	const otherStaff = await createUser(
		{ db, auth },
		{ organisationId: org.id, email: EMAILS.otherStaff, name: 'Other district staff', password: PASSWORD('otherStaff') }
	);
	await db.user.update({ where: { id: otherStaff.id }, data: { staffDistrictId: otherDistrict.id } });
	const staff = await actorFor(db, 'staff');
	const citizen = { kind: 'IDEA', description: '', phone: '09127654321', email: null, consent: ['STORE'] };
	Object.assign(text, { intakeTitle: 'Intakezx bakery', intakeCitizen: 'Citizenzx Karimi', intakePhone: '09127654321' });
	const intake = await registerAtDesk(db, staff, { ...citizen, title: text.intakeTitle, name: text.intakeCitizen });
	Object.assign(ids, { intake: intake.id, intakeCode: intake.trackingCode });
	ids.intakeToRegister = (
		await registerAtDesk(db, staff, { ...citizen, title: 'To register', name: 'Registerzx', phone: '09125550000' })
	).id;
	ids.intakeToClose = (await registerAtDesk(db, staff, { ...citizen, title: 'To close', name: 'Closezx' })).id;

	// A course run by the executor (its coordinator) in which the member completed and holds a
	// certificate; a session with a register, people to enrol and to withdraw, one per role, and
	// an account to name a coordinator (courses' rows).
	text.courseTitle = 'Coursezx home bakery';
	ids.course = (await createCourse(db, actors.admin, { title: text.courseTitle, kind: 'HOME_BUSINESS', minAttendance: 100 })).id;
	await addCoordinator(db, actors.admin, ids.course, { personId: ids.executorPerson });
	ids.courseSession = (await addSession(db, actors.admin, ids.course, { day: new Date().toISOString().slice(0, 10) })).id;
	const holding = (await enrol(db, actors.admin, ids.course, { personId: ids.memberPerson })).enrolmentId;
	await recordAttendance(db, actors.admin, ids.course, ids.courseSession, { present: [holding] });
	const keys = await certificateKeys(db);
	const issued = await complete(db, keys, actors.admin, ids.course, holding);
	Object.assign(ids, { certificate: issued.certificateId, certificateCode: issued.code });
	text.certificateCode = issued.code.match(/.{4}/g)!.join('-');
	text.holderName = (await db.person.findUniqueOrThrow({ where: { id: ids.memberPerson } })).name;
	for (const role of ROLES) {
		ids[`enrolee-${role}`] = await person(`دانش‌آموز ${role}`);
		ids[`withdrawal-${role}`] = (await enrol(db, actors.admin, ids.course, { personId: await person(`انصراف ${role}`) })).enrolmentId;
	}
	const candidate = await person('Coordinatorzx candidate');
	await createUser(
		{ db, auth },
		{ organisationId: org.id, email: 'coordinator@rahkar.example', name: 'Candidate', password: 'fixture-pass-1', personId: candidate }
	);
	ids.coordinatorCandidate = candidate;

	for (const role of [...ROLES, ...STAFF_ROLES])
		if (role !== 'anonymous') cookies[role] = await signIn(server.url, EMAILS[role], PASSWORD(role));
	for (const role of ROLES) if (role !== 'anonymous') sockets[role] = await connectSocket(server.url, cookies[role]);

	text.agendaTitle = 'Agendaclosedzx item';
	const agenda = yjsClient(server.url, agendaDocumentName(ids.meetingClosed), cookies.moderator);
	clients.push(agenda);
	await synced(agenda);
	addItem(agenda.doc, { title: text.agendaTitle, minutes: 10 });
	await eventually(
		async () => agendaItems(await storedDoc(database, agendaDocumentName(ids.meetingClosed))).length === 1,
		5000,
		'agenda stored'
	);
	await new Promise((r) => setTimeout(r, 300));
	agenda.destroy();
	const moderator = sockets.moderator!;
	expect(await ack(moderator, 'meeting:start', { meetingId: ids.meetingClosed })).toMatchObject({ ok: true });
	expect(await ack(moderator, 'meeting:close', { meetingId: ids.meetingClosed })).toMatchObject({ ok: true });
	// The closed meeting's draft minutes are written when they are first read.
	await (await fetch(`${server.url}/meetings/${ids.meetingClosed}/minutes`, { headers: { cookie: cookies.moderator! } })).text();
	ids.minutes = (await db.minutes.findFirstOrThrow({ where: { meetingId: ids.meetingClosed } })).id;
	expect(await ack(moderator, 'meeting:start', { meetingId: ids.meetingLive })).toMatchObject({ ok: true });
	for (const role of ['moderator', 'member', 'executor'] as const)
		expect(await ack(sockets[role]!, 'meeting:checkin', { meetingId: ids.meetingLive, present: true })).toMatchObject({ ok: true });

	// Proposals in each state the rows need, filed by the member; one in the second group.
	const file = async (title: string, state: string, groupId = groupA.id, actor = actors.member) => {
		const { id } = await fileProposal(db, actor, groupId, { title, problem: 'مسئله', idea: 'ایده', submit: state !== 'DRAFT' });
		if (state !== 'DRAFT' && state !== 'SUBMITTED') await db.proposal.update({ where: { id }, data: { state: state as never } });
		return id;
	};
	Object.assign(text, {
		draftWord: 'Quincedraftzx',
		draftTitle: 'Quincedraftzx workshop',
		reviewWord: 'Pomegranatereviewzx',
		reviewTitle: 'Pomegranatereviewzx market',
		groupBWord: 'Figgroupbzx',
		groupBTitle: 'Figgroupbzx cooperative',
		voteTitle: 'Votezx shop',
		outcomeTitle: 'Outcomezx service',
		deliveredTitle: 'Deliveredzx product',
		actionTitle: 'Actionzx follow-up'
	});
	ids.draftProposal = await file(text.draftTitle, 'DRAFT');
	ids.reviewProposal = await file(text.reviewTitle, 'IN_REVIEW');
	ids.submittedProposal = await file('Submitted proposal', 'SUBMITTED');
	ids.voteProposal = await file(text.voteTitle, 'IN_REVIEW');
	ids.socketVoteProposal = await file('Socket vote proposal', 'IN_REVIEW');
	ids.consensusProposal = await file('Consensus proposal', 'IN_REVIEW');
	ids.approvedProposal = await file('Approved proposal', 'APPROVED');
	await file(text.groupBTitle, 'SUBMITTED', groupB.id, actors.moderator);
	const running = await file('Running proposal', 'IN_EXECUTION');
	ids.outcome = (
		await db.outcome.create({
			data: { proposalId: running, groupId: groupA.id, kind: 'SERVICE', title: text.outcomeTitle, executorPersonId: ids.executorPerson }
		})
	).id;
	for (const role of ROLES)
		ids[`milestone-${role}`] = (
			await db.milestone.create({ data: { outcomeId: ids.outcome, title: `گام ${role}`, dueDate: new Date() } })
		).id;
	const delivered = await file('Delivered proposal', 'DELIVERED');
	await db.outcome.create({
		data: {
			proposalId: delivered,
			groupId: groupA.id,
			kind: 'PRODUCT',
			title: text.deliveredTitle,
			status: 'DELIVERED',
			deliveredAt: new Date()
		}
	});
	// A comment by the member in the proposal under review (the discussion's rows).
	text.commentText = 'Commentzx opinion';
	ids.comment = (await postComment(db, actors.member, ids.reviewProposal, { body: text.commentText })).commentId;
	await reindexProposals(database);
	expect(await ack(moderator, 'vote:open', { meetingId: ids.meetingLive, proposalId: ids.voteProposal })).toMatchObject({ ok: true });

	// An action item owned by the member (which notifies them).
	const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
	ids.actionItem = (
		await createActionItem(db, actors.moderator, {
			groupId: groupA.id,
			title: text.actionTitle,
			ownerPersonId: ids.memberPerson,
			side: 'ENTREPRENEUR',
			dueDate: due
		})
	).itemId;
	ids.notification = (await db.notification.findFirst({ select: { id: true } }))?.id ?? 'no-notification';
}, 120_000);

afterAll(async () => {
	for (const s of Object.values(sockets)) s?.close();
	for (const c of clients) c.destroy();
	await database?.close();
	await server?.dispose();
});

// ---- Running one row --------------------------------------------------------------------
const fill = (template: string, from: Record<string, string>) =>
	template.replace(/\[(\w[\w-]*)\]/g, (_, key: string) => {
		if (!(key in from)) throw new Error(`the fixture has no ${key}`);
		return encodeURIComponent(from[key]);
	});

/** `/groups/[id]` with its params filled from the fixture. */
function pathOf(row: HttpRow): string {
	const route = row.surface.split(' ')[1].split('?')[0];
	return route.replace(/\[(\w+)\]/g, (_, param: string) => {
		const key = row.params?.[param];
		if (!key || !(key in ids)) throw new Error(`${row.surface}: no fixture for [${param}]`);
		return encodeURIComponent(ids[key]);
	});
}

/** What the server answered, as a table cell (before OK is applied). */
function cellOf(status: number, location: string | null): HttpCell {
	if (status >= 300 && status < 400) return location?.startsWith('/login') ? LOGIN : `303 ${location ?? ''}`;
	return status as HttpCell;
}

/** Whether the answer meets the expectation; OK means allowed: answered, not refused. */
function meets(expected: HttpCell, actual: HttpCell): boolean {
	if (expected === OK)
		return actual !== LOGIN && ![401, 403, 404].includes(actual as number) && !(typeof actual === 'number' && actual >= 500);
	if (typeof expected === 'string' && expected.startsWith('303 ')) return typeof actual === 'string' && actual.startsWith(expected);
	return expected === actual;
}

async function httpAnswer(row: HttpRow, role: AnyRole): Promise<{ cell: HttpCell; body: string }> {
	const cookie = row.fresh && role !== 'anonymous' ? await signIn(server.url, EMAILS[role], PASSWORD(role)) : cookies[role];
	const [method, target] = row.surface.split(' ');
	const query = row.query ? `?${fill(row.query, text)}` : '';
	const headers: Record<string, string> = { 'accept-language': 'en', ...(cookie ? { cookie } : {}) };
	if (method === 'GET') {
		const res = await fetch(`${server.url}${pathOf(row)}${query}`, { headers: { ...headers, accept: 'text/html' }, redirect: 'manual' });
		return { cell: cellOf(res.status, res.headers.get('location')), body: await res.text() };
	}
	// A form action, posted as the browser's enhanced form does.
	const action = target.includes('?/') ? `?/${target.split('?/')[1]}` : '';
	const fields = (await row.body?.(fixture, role)) ?? {};
	let body: URLSearchParams | FormData;
	if (row.multipart) {
		body = new FormData();
		for (const [k, v] of Object.entries(fields))
			for (const x of [v].flat()) {
				if (x instanceof Blob) body.append(k, x, 'people.csv');
				else body.append(k, x);
			}
	} else {
		body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, String(x));
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	const res = await fetch(`${server.url}${pathOf(row)}${action || query}`, {
		method: 'POST',
		headers: { ...headers, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body,
		redirect: 'manual'
	});
	const raw = await res.text();
	if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('application/json'))
		return { cell: cellOf(res.status, res.headers.get('location')), body: raw };
	const answer = JSON.parse(raw) as { type: string; status?: number; location?: string };
	if (answer.type === 'redirect') return { cell: cellOf(answer.status ?? 303, answer.location ?? null), body: raw };
	return { cell: (answer.type === 'success' ? 200 : (answer.status ?? 500)) as HttpCell, body: raw };
}

async function runHttp(row: HttpRow) {
	const got: Partial<Record<AnyRole, HttpCell>> = {};
	const bodies: Partial<Record<AnyRole, string>> = {};
	const columns = Object.keys(row.expect) as AnyRole[];
	for (const role of runOrder(row.expect)) {
		const { cell, body } = await httpAnswer(row, role);
		got[role] = meets(row.expect[role]!, cell) ? row.expect[role] : cell;
		bodies[role] = body;
	}
	expect(got, `${row.surface}${row.query ? ` (${row.query})` : ''}: answer per role`).toEqual(row.expect);
	for (const reveal of row.reveals ?? []) {
		const secret = text[reveal.text];
		expect(secret, `fixture text ${reveal.text}`).toBeTruthy();
		const sawIt = columns.filter((role) => bodies[role]!.includes(secret));
		expect(sawIt, `${row.surface}: who reads ${reveal.text} (${secret})`).toEqual(columns.filter((role) => reveal.to.includes(role)));
	}
}

async function runSocket(row: SocketRow) {
	const event = row.surface.replace(/^socket /, '');
	const got: Partial<Record<Role, string>> = {};
	for (const role of runOrder(row.expect) as Role[]) {
		if (role === 'anonymous') {
			got[role] = await connectSocket(server.url).then(
				(s) => (s.close(), 'connected without a session'),
				(e: Error) => e.message
			);
			continue;
		}
		const answer = await ack(sockets[role]!, event, await row.payload(fixture, role));
		const code = answer.ok ? OK : answer.code!;
		const refused = ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'INVALID'].includes(code);
		got[role] = row.expect[role] === OK && !refused ? OK : code;
	}
	expect(got, `${row.surface}: acknowledgement per role`).toEqual(row.expect);
}

async function runCollab(row: DocRow) {
	const name = fill(row.name, ids).replace(/%2E/g, '.');
	const mark = (role: Role) => `[${role}:${Math.random().toString(36).slice(2, 8)}]`;
	const marks: Partial<Record<Role, string>> = {};
	const got: Partial<Record<Role, string | number>> = {};
	await Promise.all(
		ROLES.map(async (role) => {
			const c = yjsClient(server.url, name, cookies[role]);
			clients.push(c);
			const outcome = await Promise.race([synced(c, 8000).then(() => 'open' as const), closed(c, 8000).then((e) => e.code)]);
			if (outcome !== 'open') {
				got[role] = outcome;
				c.destroy();
				return;
			}
			marks[role] = mark(role);
			c.doc.getText('authz').insert(0, marks[role]);
		})
	);
	const editors = ROLES.filter((r) => row.expect[r] === 'edit' && marks[r]);
	await eventually(
		async () => {
			const stored = (await storedDoc(database, name)).getText('authz').toString();
			return editors.every((r) => stored.includes(marks[r]!));
		},
		8000,
		`edits stored in ${name}`
	).catch(() => {});
	// The readers' edits had as long to arrive as the editors'; give the pipeline one more tick.
	await new Promise((r) => setTimeout(r, 400));
	const stored = (await storedDoc(database, name)).getText('authz').toString();
	for (const role of ROLES) if (marks[role]) got[role] = stored.includes(marks[role]!) ? 'edit' : 'read';
	expect(got, `${name}: per role`).toEqual(row.expect);
}

// ---- The table covers exactly the app -------------------------------------------------
describe('the authorisation table', () => {
	it('has a row for every page, form action, endpoint, Socket.IO event and document kind, and none for what is gone', () => {
		const rows = new Set(TABLE.map((r) => r.surface));
		const surface = [...httpSurface(), ...socketSurface().map((e) => `socket ${e}`), ...documentKinds().map((k) => `collab ${k}`)];
		expect(surface.length).toBeGreaterThan(100);
		expect(
			surface.filter((s) => !rows.has(s)),
			'exists in the app without a row in table.ts'
		).toEqual([]);
		expect(
			[...rows].filter((s) => !surface.includes(s)),
			'a row in table.ts for something the app no longer has'
		).toEqual([]);
		// Every handled event is declared for clients in shared/, and every declared one handled.
		expect(socketSurface()).toEqual(declaredClientEvents());
		for (const row of TABLE) {
			// The staff columns: required on intake's rows, allowed on any page's row.
			const keys = Object.keys(row.expect);
			const staff = STAFF_ROLES.filter((r) => row.kind === 'http' && (needsStaffColumns(row.surface) || keys.includes(r)));
			expect(keys.sort(), row.surface).toEqual([...ROLES, ...staff].sort());
		}
	});
});

describe('every row, for every role', () => {
	const ordered = [...TABLE.filter((r) => !r.last), ...TABLE.filter((r) => r.last)];
	for (const row of ordered) {
		const detail = row.kind === 'http' ? [row.query, ...Object.entries(row.params ?? {}).map(([k, v]) => `${k}=${v}`)].filter(Boolean) : [];
		const label = row.kind === 'collab' ? row.name : `${row.surface}${detail.length ? ` (${detail.join(', ')})` : ''}`;
		it(label, async () => {
			if (row.kind === 'http') await runHttp(row);
			else if (row.kind === 'socket') await runSocket(row);
			else await runCollab(row);
		});
	}
});

// THE AUTHORISATION TABLE: who may do what, for every page, form action, endpoint, Socket.IO
// event and kind of collaborative document of Rahkar. authorization.test.ts runs every row
// against the real server, for every role, and fails when the app lists something (a route,
// an action, an event, a document kind) that has no row here, or a row names something gone.
//
// Roles (columns). The group is the first demo group, where every demo account sits:
//   admin          administrator of the organisation (admin@rahkar.example, seated nowhere)
//   moderator      the group's moderator (moderator@; also moderates the second group)
//   member         a plain member (member@)
//   executor       the group's executor (executor@)
//   observer       an observer (observer@): reads, never edits
//   anonymous      no session
//   otherGroup     seated (as a member) only in the second group of the same organisation
//   otherOrgAdmin  administrator of another organisation
//
// Cells (what the role must get):
//   200, 400, 401, 403, 404   that HTTP status (for a form action: the status of its answer,
//                             `type: failure` or `type: error`, or 200 for `type: success`)
//   LOGIN                     303 to /login?next=…, the sign-in page
//   to('/x')                  303 to a path starting with /x
//   OK                        a form action or socket event that is allowed: it is answered and
//                             not refused (not LOGIN, 401, 403 or 404; a 400 for the minimal
//                             input or a 409 for the state of the fixture still counts as
//                             allowed: whether it worked in depth is other tests' business)
//   FORBIDDEN, NOT_FOUND,     the `code` of a socket acknowledgement ({ ok: false, code });
//   UNAUTHENTICATED           a connection without a session is refused with UNAUTHENTICATED
//   'edit', 'read'            a collab document opens; edits are kept ('edit') or dropped ('read')
//   4401, 4403, 4404          a collab connection closed with that code (CloseCode in shared/collab)
//
// Params and bodies name fixtures by key (see the fixture in authorization.test.ts): `params`
// maps a route param to a fixture id, `body` builds the form (or payload) for one role.
// `reveals` is READING: the text (a fixture text key) must be in the answer for exactly those
// roles and in nobody else's. Rows run in this order, one role at a time, refused roles first;
// rows marked `last` run after all others because they change what later rows rely on.
import { CSV_COLUMNS } from '../../../server/domain/databank/csv-import-export';

export const ROLES = ['admin', 'moderator', 'member', 'executor', 'observer', 'anonymous', 'otherGroup', 'otherOrgAdmin'] as const;
export type Role = (typeof ROLES)[number];
// Two more columns, given on the rows of intake at district centres (and checked on every row
// that gives them; intake's rows must):
//   staff          district staff of the first district (staff@rahkar.example, seated nowhere)
//   otherStaff     district staff of another district of the same organisation
export const STAFF_ROLES = ['staff', 'otherStaff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type AnyRole = Role | StaffRole;
/** The rows that must give the staff columns: intake's pages. */
export const needsStaffColumns = (surface: string): boolean => / \/(district|intake|track)\b/.test(surface) || surface.endsWith('?/staff');

export const LOGIN = 'LOGIN';
export const OK = 'OK';
export const to = (prefix: string) => `303 ${prefix}` as const;
export type HttpCell = 200 | 400 | 401 | 403 | 404 | typeof LOGIN | typeof OK | `303 ${string}`;
export type SocketCell = typeof OK | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
export type DocCell = 'edit' | 'read' | 4401 | 4403 | 4404;

/** What rows may name: fixture ids and texts, looked up when the row runs. */
export interface Fixture {
	ids: Record<string, string>;
	text: Record<string, string>;
	/** The id of the vote open in a meeting now (or a placeholder when none is). */
	openVote(meetingId: string): Promise<string>;
}

type Form = Record<string, string | string[] | Blob>;
interface Reveal {
	text: string;
	to: readonly AnyRole[];
}
export interface HttpRow {
	kind: 'http';
	surface: string;
	expect: Record<Role, HttpCell> & Partial<Record<StaffRole, HttpCell>>;
	params?: Record<string, string>;
	query?: string;
	body?: (f: Fixture, role: AnyRole) => Form | Promise<Form>;
	/** Sent as multipart/form-data (a file upload) instead of urlencoded. */
	multipart?: boolean;
	reveals?: Reveal[];
	/** Each role uses a session of its own, signed in for this row (e.g. signing out). */
	fresh?: boolean;
	last?: boolean;
	note?: string;
}
export interface SocketRow {
	kind: 'socket';
	surface: string;
	expect: Record<Role, SocketCell>;
	payload: (f: Fixture, role: Role) => unknown | Promise<unknown>;
	last?: boolean;
}
export interface DocRow {
	kind: 'collab';
	surface: string;
	/** The document name, with `[key]` replaced by that fixture id. */
	name: string;
	expect: Record<Role, DocCell>;
	last?: boolean;
}
export type Row = HttpRow | SocketRow | DocRow;

const http = (surface: string, expect: HttpRow['expect'], options: Omit<HttpRow, 'kind' | 'surface' | 'expect'> = {}): HttpRow => ({
	kind: 'http',
	surface,
	expect,
	...options
});
const socket = (
	surface: string,
	expect: Record<Role, SocketCell>,
	payload: SocketRow['payload'],
	options: { last?: boolean } = {}
): SocketRow => ({ kind: 'socket', surface: `socket ${surface}`, expect, payload, ...options });
const collab = (kind: string, name: string, expect: Record<Role, DocCell>): DocRow => ({
	kind: 'collab',
	surface: `collab ${kind}`,
	name,
	expect
});

// Roles that read the group (seated, or the organisation's administrator).
const GROUP_READERS = ['admin', 'moderator', 'member', 'executor', 'observer'] as const;
const EVERYONE = ROLES;

const group = { id: 'groupA' };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const csvTemplate = () => new Blob(['\uFEFF' + CSV_COLUMNS.join(',') + '\r\n'], { type: 'text/csv' });

// One row a line, laid out by hand as a table.
// prettier-ignore
export const TABLE: Row[] = [
	// ---- Signing in and out, language -------------------------------------------------------
	http('GET /', { admin: to('/dashboard'), moderator: to('/dashboard'), member: to('/dashboard'), executor: to('/dashboard'), observer: to('/dashboard'), anonymous: LOGIN, otherGroup: to('/dashboard'), otherOrgAdmin: to('/dashboard') }),
	http('GET /login', { admin: to('/dashboard'), moderator: to('/dashboard'), member: to('/dashboard'), executor: to('/dashboard'), observer: to('/dashboard'), anonymous: 200, otherGroup: to('/dashboard'), otherOrgAdmin: to('/dashboard') }),
	http('POST /login', { admin: 400, moderator: 400, member: 400, executor: 400, observer: 400, anonymous: 400, otherGroup: 400, otherOrgAdmin: 400 },
		{ body: (_, role) => ({ email: `nobody-${role}@rahkar.example`, password: 'not-the-password' }), note: 'wrong password: refused with 400, never a session' }),
	// Forgotten passwords and mail links: open to everyone, the token is the credential.
	http('GET /forgot-password', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 }),
	http('POST /forgot-password', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ body: (_, role) => ({ email: `nobody-${role}@rahkar.example` }), note: 'the same answer whether the address has an account or not' }),
	http('GET /reset-password', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ query: 'token=not-a-token', note: 'says the link is used or expired' }),
	http('POST /reset-password', { admin: 400, moderator: 400, member: 400, executor: 400, observer: 400, anonymous: 400, otherGroup: 400, otherOrgAdmin: 400 },
		{ body: () => ({ token: 'not-a-token', password: 'long-enough-password' }), note: 'no password changes without a genuine token' }),
	http('GET /mail/unsubscribe', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ query: 't=forged.meetings.AAAA', note: 'says the link is not valid; opening it changes nothing' }),
	http('POST /mail/unsubscribe', { admin: 404, moderator: 404, member: 404, executor: 404, observer: 404, anonymous: 404, otherGroup: 404, otherOrgAdmin: 404 },
		{ query: 't=forged.meetings.AAAA', note: 'a forged token unsubscribes nobody' }),
	// The express app's own routes, before SvelteKit (server/http, server/observability).
	http('GET /mail/one-click', { admin: to('/mail/unsubscribe'), moderator: to('/mail/unsubscribe'), member: to('/mail/unsubscribe'), executor: to('/mail/unsubscribe'), observer: to('/mail/unsubscribe'), anonymous: to('/mail/unsubscribe'), otherGroup: to('/mail/unsubscribe'), otherOrgAdmin: to('/mail/unsubscribe') },
		{ query: 't=forged.meetings.AAAA', note: 'opening the one-click link only leads to the confirmation page' }),
	http('POST /mail/one-click', { admin: 404, moderator: 404, member: 404, executor: 404, observer: 404, anonymous: 404, otherGroup: 404, otherOrgAdmin: 404 },
		{ query: 't=forged.meetings.AAAA', note: "a mail client's one-click post with a forged token unsubscribes nobody" }),
	http('GET /healthz', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ note: 'says only whether the database answers, and which kind it is' }),
	http('GET /metrics', { admin: 404, moderator: 404, member: 404, executor: 404, observer: 404, anonymous: 404, otherGroup: 404, otherOrgAdmin: 404 },
		{ note: 'a session is no credential: only METRICS_TOKEN or an address in METRICS_ALLOW (unset here) scrapes it (metrics.test.ts)' }),
	http('GET /logout', { admin: to('/'), moderator: to('/'), member: to('/'), executor: to('/'), observer: to('/'), anonymous: to('/'), otherGroup: to('/'), otherOrgAdmin: to('/') }),
	http('POST /logout', { admin: LOGIN, moderator: LOGIN, member: LOGIN, executor: LOGIN, observer: LOGIN, anonymous: LOGIN, otherGroup: LOGIN, otherOrgAdmin: LOGIN }, { fresh: true }),
	http('GET /locale', { admin: to('/'), moderator: to('/'), member: to('/'), executor: to('/'), observer: to('/'), anonymous: to('/'), otherGroup: to('/'), otherOrgAdmin: to('/') }),
	http('POST /locale', { admin: to('/dashboard'), moderator: to('/dashboard'), member: to('/dashboard'), executor: to('/dashboard'), observer: to('/dashboard'), anonymous: to('/dashboard'), otherGroup: to('/dashboard'), otherOrgAdmin: to('/dashboard') },
		{ body: () => ({ locale: 'en', next: '/dashboard' }) }),

	// ---- Dashboard, search, notifications ---------------------------------------------------
	http('GET /dashboard', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'groupAName', to: GROUP_READERS }] }),
	http('GET /search', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ query: 'q=[draftWord]', reveals: [{ text: 'draftTitle', to: ['admin', 'moderator', 'member'] }], note: "a member's draft: its author and the moderators only (as its page)" }),
	http('GET /search', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ query: 'q=[reviewWord]', reveals: [{ text: 'reviewTitle', to: GROUP_READERS }], note: 'a submitted proposal: the group only' }),
	http('GET /search', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ query: 'q=[groupBWord]', reveals: [{ text: 'groupBTitle', to: ['admin', 'moderator', 'otherGroup'] }], note: "the second group's proposal: its own members" }),
	http('GET /notifications', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 }),
	http('POST /notifications?/read', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: LOGIN, otherGroup: OK, otherOrgAdmin: OK },
		{ body: (f) => ({ id: f.ids.notification }) }),
	http('POST /notifications?/readAll', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: LOGIN, otherGroup: OK, otherOrgAdmin: OK }),
	http('GET /notifications/preferences', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 }),
	http('POST /notifications/preferences?/save', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: LOGIN, otherGroup: OK, otherOrgAdmin: OK },
		{ body: () => ({ ASSIGNED: 'on', DUE_SOON: 'on', OVERDUE: 'on', STATUS_CHANGED: 'on', MENTIONED: 'on' }) }),
	http('POST /notifications/preferences?/mail', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: LOGIN, otherGroup: OK, otherOrgAdmin: OK },
		{ body: () => ({ meetings: 'on', minutes: 'on' }), note: 'one\'s own mail switches; an account without a person gets a 409' }),

	// ---- Organisation administration ------------------------------------------------------
	http('GET /admin/classification', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'fieldName', to: ['admin'] }] }),
	http('POST /admin/classification?/add', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: (_, role) => ({ kind: 'SKILL', name: `مهارت ${role}` }) }),
	http('POST /admin/classification?/rename', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ body: (f) => ({ id: f.ids.field, name: f.text.fieldName }) }),
	http('POST /admin/classification?/archive', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ body: (f) => ({ id: f.ids.field, archived: '0' }) }),
	http('GET /admin/districts', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'districtName', to: ['admin'] }] }),
	http('POST /admin/districts?/add', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: (_, role) => ({ name: `ناحیه ${role}`, number: '' }) }),
	http('POST /admin/districts?/rename', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ body: (f) => ({ id: f.ids.district, name: f.text.districtName, number: f.text.districtNumber }) }),
	http('POST /admin/districts?/archive', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ body: (f) => ({ id: f.ids.district, archived: '0' }) }),
	// The working week and holidays (issue 15, point 14): the week sent keeps every day, and
	// the holidays are years away, so no meeting another row relies on moves.
	http('GET /admin/calendar', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('POST /admin/calendar?/week', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: () => ({ days: ['0', '1', '2', '3', '4', '5', '6'] }) }),
	http('POST /admin/calendar?/add', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: (_, role) => ({ date: `2040-01-${String(ROLES.indexOf(role as Role) + 10)}`, name: `تعطیلی ${role}` }) }),
	http('POST /admin/calendar?/remove', { admin: 404, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ body: () => ({ id: 'no-such-holiday' }), note: 'an administrator removes only a holiday of their own organisation (work-calendar.test.ts removes one)' }),
	http('GET /admin/mail', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('POST /admin/mail?/retry', { admin: 404, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ body: () => ({ id: 'no-such-mail' }), note: 'an administrator may resend only a failed mail of their own organisation (mail.test.ts resends one)' }),
	http('GET /groups/new', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('POST /groups/new', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: (_, role) => ({ name: `کارگروه ${role}`, cadenceDays: '15' }) }),

	// ---- A group ----------------------------------------------------------------------------
	http('GET /groups/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, reveals: [{ text: 'groupAName', to: GROUP_READERS }] }),
	http('POST /groups/[id]?/changeSeat', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ personId: f.ids.seatTarget, side: 'AGENCY', role: 'MEMBER' }) }),
	http('POST /groups/[id]?/removeSeat', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f, role) => ({ personId: f.ids[`seat-${role}`] }), note: 'each role removes a seat of its own' }),
	http('GET /groups/[id]/edit', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: group, note: 'administrators only, refused before the group is looked up (so a 403 says nothing about it)' }),
	http('POST /groups/[id]/edit', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ name: f.text.groupAName, description: f.text.groupADescription, districtId: f.ids.groupADistrict, cadenceDays: '15' }) }),
	http('GET /groups/[id]/seats', { admin: 200, moderator: 200, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('POST /groups/[id]/seats?/seat', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ personId: f.ids.unseated, side: 'AGENCY', role: 'MEMBER' }) }),
	http('GET /groups/[id]/calendar.ics', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 401, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('GET /public/groups/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ params: group, reveals: [{ text: 'deliveredTitle', to: EVERYONE }, { text: 'outcomeTitle', to: [] }], note: 'the group publishes its delivered outcomes (not running ones)' }),
	http('GET /public/groups/[id]', { admin: 404, moderator: 404, member: 404, executor: 404, observer: 404, anonymous: 404, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'groupB' }, note: 'the second group does not publish' }),

	// ---- Meetings ---------------------------------------------------------------------------
	http('GET /groups/[id]/meetings', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('POST /groups/[id]/meetings?/move', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ meetingId: f.ids.occurrence, date: day(40), time: '17:00' }) }),
	http('POST /groups/[id]/meetings?/cancel', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ meetingId: f.ids.occurrence }) }),
	http('POST /groups/[id]/meetings?/restore', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ meetingId: f.ids.occurrence }) }),
	http('POST /groups/[id]/meetings?/feed', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('POST /groups/[id]/meetings?/template', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: () => ({ title: 'تأیید صورت‌جلسه‌ی قبل', minutes: '5' }) }),
	http('POST /groups/[id]/meetings?/series', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: () => ({ date: day(60), time: '17:00', timeZone: 'Asia/Tehran', cadenceDays: '15', durationMinutes: '90', place: 'سالن', link: '' }), last: true }),
	http('GET /meetings/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingA' }, reveals: [{ text: 'groupAName', to: GROUP_READERS }] }),
	http('POST /meetings/[id]?/checkin', { admin: 403, moderator: OK, member: OK, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingLive' }, body: () => ({ present: 'true' }), note: 'participants only: seated, not observers (an administrator has no seat)' }),
	http('POST /meetings/[id]?/start', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingForms' } }),
	http('POST /meetings/[id]?/close', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingForms' } }),
	http('POST /meetings/[id]?/sendAgenda', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingA' }, note: 'moderators mail the agenda (its agenda is empty here: a 409)' }),
	http('GET /meetings/[id]/projector', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingA' }, reveals: [{ text: 'groupAName', to: GROUP_READERS }], note: 'the room screen: whoever may read the meeting may show it' }),
	http('GET /meetings/[id]/calendar.ics', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 401, otherGroup: 404, otherOrgAdmin: 404 }, { params: { id: 'meetingA' } }),
	http('GET /meetings/[id]/votes', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingLive' }, reveals: [{ text: 'voteTitle', to: GROUP_READERS }] }),
	http('POST /meetings/[id]/votes?/cast', { admin: 403, moderator: OK, member: OK, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingLive' }, body: async (f) => ({ voteId: await f.openVote(f.ids.meetingLive), choice: 'YES' }), note: 'an administrator has no seat, so no ballot' }),
	http('POST /meetings/[id]/votes?/open', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingLive' }, body: (f) => ({ proposalId: f.ids.voteProposal }) }),
	http('POST /meetings/[id]/votes?/close', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingLive' }, body: async (f) => ({ voteId: await f.openVote(f.ids.meetingLive) }) }),
	http('POST /meetings/[id]/votes?/consensus', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingLive' }, body: (f) => ({ proposalId: f.ids.consensusProposal, outcome: 'SENT_BACK', text: 'بیشتر کار شود' }) }),

	// ---- Minutes ----------------------------------------------------------------------------
	http('GET /groups/[id]/minutes', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('GET /groups/[id]/minutes/archive.json', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('GET /groups/[id]/minutes/archive.md', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('GET /meetings/[id]/minutes', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, reveals: [{ text: 'agendaTitle', to: GROUP_READERS }] }),
	http('GET /meetings/[id]/minutes/print', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, reveals: [{ text: 'agendaTitle', to: GROUP_READERS }] }),
	http('GET /meetings/[id]/minutes/export.json', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, reveals: [{ text: 'agendaTitle', to: GROUP_READERS }] }),
	http('GET /meetings/[id]/minutes/export.md', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, reveals: [{ text: 'agendaTitle', to: GROUP_READERS }] }),
	http('GET /minutes/[minutesId]', { admin: to('/meetings/'), moderator: to('/meetings/'), member: to('/meetings/'), executor: to('/meetings/'), observer: to('/meetings/'), anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { minutesId: 'minutes' }, note: 'a stable link: it must not reveal the meeting to outsiders' }),
	http('POST /meetings/[id]/minutes?/correct', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, body: (f) => ({ minutesId: f.ids.minutes, remarks: 'اصلاح' }) }),
	http('POST /meetings/[id]/minutes?/archive', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, body: (f) => ({ minutesId: f.ids.minutes }) }),
	http('POST /meetings/[id]/minutes?/approve', { admin: 403, moderator: OK, member: OK, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, body: (f) => ({ minutesId: f.ids.minutes }), note: 'each seated participant approves for themself; an administrator has no seat' }),
	http('POST /meetings/[id]/minutes?/approveGroup', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, body: (f) => ({ minutesId: f.ids.minutes }) }),
	http('POST /meetings/[id]/minutes?/amend', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'meetingClosed' }, body: (f) => ({ minutesId: f.ids.minutes, reason: 'غلط املایی', remarks: 'اصلاح' }) }),

	// ---- Proposals and outcomes -------------------------------------------------------------
	http('GET /groups/[id]/proposals', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, reveals: [{ text: 'draftTitle', to: ['admin', 'moderator', 'member'] }, { text: 'reviewTitle', to: GROUP_READERS }] }),
	http('POST /groups/[id]/proposals?/settings', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: () => ({ majorityRule: 'SIMPLE', publishOutcomes: 'on' }) }),
	http('GET /groups/[id]/proposals/new', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 }, { params: group }),
	http('POST /groups/[id]/proposals/new', { admin: OK, moderator: OK, member: OK, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (_, role) => ({ title: `پیشنهاد ${role}`, problem: '', idea: '' }) }),
	http('GET /proposals/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'reviewProposal' }, reveals: [{ text: 'reviewTitle', to: GROUP_READERS }, { text: 'commentText', to: GROUP_READERS }] }),
	http('GET /proposals/[id]', { admin: 200, moderator: 200, member: 200, executor: 404, observer: 404, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'draftProposal' }, reveals: [{ text: 'draftTitle', to: ['admin', 'moderator', 'member'] }], note: "a member's draft" }),
	http('POST /proposals/[id]?/move', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'submittedProposal' }, body: () => ({ to: 'IN_REVIEW', reason: '' }), note: 'submitted to in review: moderators only' }),
	http('POST /proposals/[id]?/review', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'reviewProposal' }, body: () => ({ side: 'EXPERT', reasons: 'امکان‌پذیر است' }), note: "the experts' review: the expert side (the moderator) and administrators" }),
	http('POST /proposals/[id]?/start', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'approvedProposal' }, body: (f) => ({ kind: 'SERVICE', executorPersonId: f.ids.executorPerson, title: 'خدمت', description: '' }) }),
	// The discussion (issue 17): members write, observers read; only its author edits a comment; moderators hide.
	http('POST /proposals/[id]?/comment', { admin: OK, moderator: OK, member: OK, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'reviewProposal' }, body: (_, role) => ({ body: `دیدگاه ${role}` }) }),
	http('POST /proposals/[id]?/comment', { admin: OK, moderator: OK, member: OK, executor: 404, observer: 404, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'draftProposal' }, body: (_, role) => ({ body: `دیدگاه ${role}` }), note: "a draft's discussion: whoever may read the draft" }),
	http('POST /proposals/[id]?/editComment', { admin: 403, moderator: 403, member: OK, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'reviewProposal' }, body: (f) => ({ commentId: f.ids.comment, body: f.text.commentText }), note: "the member's comment: its author only" }),
	http('POST /proposals/[id]?/hideComment', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'reviewProposal' }, body: (f) => ({ commentId: f.ids.comment, reason: 'خارج از موضوع' }), last: true, note: 'the second moderator finds it hidden already (409)' }),
	http('GET /proposals/[id]/edit', { admin: 200, moderator: 200, member: 200, executor: 404, observer: 404, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'draftProposal' } }),
	http('POST /proposals/[id]/edit', { admin: OK, moderator: OK, member: OK, executor: 404, observer: 404, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'draftProposal' }, body: (f) => ({ title: f.text.draftTitle, problem: '', idea: '' }) }),
	http('GET /proposals/[id]/revisions', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'reviewProposal' } }),
	http('GET /outcomes', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'outcomeTitle', to: GROUP_READERS }], note: "the outcomes of one's own groups" }),
	http('GET /outcomes/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'outcome' }, reveals: [{ text: 'outcomeTitle', to: GROUP_READERS }] }),
	http('POST /outcomes/[id]?/milestone', { admin: OK, moderator: OK, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'outcome' }, body: () => ({ title: 'گام', dueDate: day(30) }), note: "the outcome's executor runs it with the moderators" }),
	http('POST /outcomes/[id]?/progress', { admin: OK, moderator: OK, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'outcome' }, body: (f) => ({ milestoneId: f.ids['milestone-member'], progress: '10' }) }),
	http('POST /outcomes/[id]?/remove', { admin: OK, moderator: OK, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'outcome' }, body: (f, role) => ({ milestoneId: f.ids[`milestone-${role}`] }), note: 'each role removes a milestone of its own' }),
	http('POST /outcomes/[id]?/update', { admin: OK, moderator: OK, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'outcome' }, body: () => ({ note: 'پیش می‌رود' }) }),
	http('POST /outcomes/[id]?/deliver', { admin: OK, moderator: OK, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'outcome' }, body: () => ({ reason: '' }), last: true }),

	// ---- Action items -----------------------------------------------------------------------
	http('GET /actions', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'actionTitle', to: ['member'] }], note: "one's own items" }),
	http('POST /actions?/update', { admin: OK, moderator: OK, member: OK, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ body: (f) => ({ itemId: f.ids.actionItem, status: 'IN_PROGRESS', note: '' }), note: 'its owner (the member), moderators and administrators' }),
	http('POST /actions?/feed', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: LOGIN, otherGroup: OK, otherOrgAdmin: OK }),
	http('GET /actions/calendar.ics', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 401, otherGroup: 200, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'actionTitle', to: ['member'] }] }),
	http('GET /actions/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'actionItem' }, reveals: [{ text: 'actionTitle', to: GROUP_READERS }] }),
	http('POST /actions/[id]?/update', { admin: OK, moderator: OK, member: OK, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'actionItem' }, body: (f) => ({ itemId: f.ids.actionItem, status: 'IN_PROGRESS', note: '' }) }),
	http('POST /actions/[id]?/edit', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'actionItem' }, body: (f) => ({ title: f.text.actionTitle, ownerPersonId: f.ids.memberPerson, side: 'ENTREPRENEUR', dueDate: day(14) }) }),
	http('GET /groups/[id]/actions', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, reveals: [{ text: 'actionTitle', to: GROUP_READERS }] }),
	http('POST /groups/[id]/actions?/create', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f, role) => ({ title: `کار ${role}`, ownerPersonId: f.ids.memberPerson, side: 'ENTREPRENEUR', dueDate: day(14) }) }),
	http('POST /groups/[id]/actions?/update', { admin: OK, moderator: OK, member: OK, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, body: (f) => ({ itemId: f.ids.actionItem, status: 'IN_PROGRESS', note: '' }) }),
	http('GET /groups/[id]/actions/export.csv', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: group, reveals: [{ text: 'actionTitle', to: GROUP_READERS }] }),

	// ---- The people databank ----------------------------------------------------------------
	http('GET /people', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ query: 'pageSize=100', reveals: [{ text: 'personName', to: ['admin', 'moderator', 'member', 'executor', 'observer', 'otherGroup'] }, { text: 'personEmail', to: ['admin', 'moderator'] }] }),
	http('GET /people/[id]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 404 },
		{ params: { id: 'person' }, reveals: [{ text: 'personEmail', to: ['admin', 'moderator'] }] }),
	http('POST /people/[id]?/introduce', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'person' }, body: (f) => ({ toPersonId: f.ids.person2, note: '' }) }),
	http('POST /people/[id]?/status', { admin: OK, moderator: OK, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'person' }, body: (f) => ({ introductionId: f.ids.introduction, status: 'ACCEPTED' }) }),
	http('POST /people/[id]?/archive', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'disposablePerson' } }),
	http('POST /people/[id]?/restore', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'disposablePerson' } }),
	http('POST /people/[id]?/invite', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'inviteePerson' }, note: 'administrators only; a second invitation is a 409 (integration test)' }),
	http('POST /people/[id]?/merge', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'disposablePerson' }, body: (f) => ({ duplicateId: f.ids.duplicatePerson }) }),
	http('GET /people/[id]/edit', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 }, { params: { id: 'person' } }),
	http('POST /people/[id]/edit', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'disposablePerson' }, body: (f) => ({ name: f.text.disposableName, consent: 'on' }) }),
	http('GET /people/new', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('POST /people/new', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: (_, role) => ({ name: `فرد ${role}`, consent: 'on' }) }),
	http('GET /people/match', { admin: 200, moderator: 200, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('GET /people/export', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'personName', to: ['admin'] }], note: "another organisation's administrator exports their own (empty) databank" }),
	http('GET /people/import', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('POST /people/import?/check', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ multipart: true, body: () => ({ file: csvTemplate() }) }),
	http('POST /people/import?/import', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ multipart: true, body: () => ({ file: csvTemplate() }) }),
	http('POST /people/import/stream', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ query: 'mode=check', multipart: true, body: () => ({ file: csvTemplate() }) }),

	// ---- Intake at district centres (staff: the first district's; otherStaff: another's) -------
	// The public form, the tracking page and a code's status page are open to everyone; the
	// status page shows where an intake stands and nothing of the citizen's.
	http('GET /intake', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200, staff: 200, otherStaff: 200 }),
	http('POST /intake', { admin: 400, moderator: 400, member: 400, executor: 400, observer: 400, anonymous: 400, otherGroup: 400, otherOrgAdmin: 400, staff: 400, otherStaff: 400 },
		{ body: (f) => ({ kind: 'IDEA', title: 'ایده بی‌نشان', name: 'کسی', phone: '09120000000', districtId: f.ids.district, consent: 'STORE' }), note: 'without a genuine time token nothing lands in any queue (intake-http.test.ts sends real ones)' }),
	http('GET /track', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200, staff: 200, otherStaff: 200 }),
	http('GET /track/[code]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200, staff: 200, otherStaff: 200 },
		{ params: { code: 'intakeCode' }, reveals: [{ text: 'intakeCitizen', to: [] }, { text: 'intakePhone', to: [] }, { text: 'intakeTitle', to: [] }], note: 'the code is the key; no name, contact or text of the citizen\'s' }),
	http('GET /district', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200, staff: 200, otherStaff: 200 },
		{ reveals: [{ text: 'intakeTitle', to: ['admin', 'staff'] }], note: "each staff member their own district's queue; an administrator every district of their organisation" }),
	http('GET /district/new', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200, staff: 200, otherStaff: 200 }),
	http('POST /district/new', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK, staff: OK, otherStaff: OK },
		{ body: (f, role) => ({ kind: 'SKILLS', title: `مهارت ${role}`, name: `شهروند ${role}`, phone: '09121111111', districtId: f.ids.district, consent: 'STORE' }), note: "staff register in their own district (the district sent is ignored); another organisation's administrator cannot name ours (400)" }),
	http('GET /district/[id]', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404, staff: 200, otherStaff: 404 },
		{ params: { id: 'intake' }, reveals: [{ text: 'intakePhone', to: ['admin', 'staff'] }] }),
	http('POST /district/[id]?/link', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404, staff: OK, otherStaff: 404 },
		{ params: { id: 'intake' }, body: () => ({ personId: 'no-such-person' }), note: 'a person out of reach: 400 (intake-domain.test.ts links one)' }),
	http('POST /district/[id]?/register', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404, staff: OK, otherStaff: 404 },
		{ params: { id: 'intakeToRegister' }, note: 'the first allowed registers the citizen, the next gets a 409' }),
	http('POST /district/[id]?/introduce', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404, staff: OK, otherStaff: 404 },
		{ params: { id: 'intake' }, body: (f) => ({ groupId: f.ids.groupA }), note: 'not linked yet: a 409' }),
	http('POST /district/[id]?/refer', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404, staff: OK, otherStaff: 404 },
		{ params: { id: 'intake' }, body: () => ({ course: 'دوره خوداشتغالی' }), note: 'not linked yet: a 409' }),
	http('POST /district/[id]?/close', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404, staff: OK, otherStaff: 404 },
		{ params: { id: 'intakeToClose' }, body: () => ({ reason: 'تکراری است' }), note: 'the first allowed closes it, the next gets a 409' }),
	http('POST /admin/districts?/staff', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK, staff: 403, otherStaff: 403 },
		{ body: (f) => ({ email: 'staff@rahkar.example', districtId: f.ids.district }), note: "names the staff member's own district again; another organisation's administrator cannot name our account (400)" }),

	// ---- Courses and certificates (the executor coordinates the course; the member holds its certificate)
	http('GET /courses', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: LOGIN, otherGroup: 200, otherOrgAdmin: 200 },
		{ reveals: [{ text: 'courseTitle', to: ['admin', 'member', 'executor'] }], note: 'the courses one runs (administrators: all), and one\'s own enrolments' }),
	http('GET /courses/new', { admin: 200, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 200 }),
	http('POST /courses/new', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: OK },
		{ body: (_, role) => ({ title: `دوره ${role}`, kind: 'TRADE', minAttendance: '75' }) }),
	http('GET /courses/[id]', { admin: 200, moderator: 403, member: 403, executor: 200, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, reveals: [{ text: 'courseTitle', to: ['admin', 'executor'] }], note: 'its administrators and coordinators; being enrolled is not running it' }),
	http('POST /courses/[id]?/addSession', { admin: OK, moderator: 403, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: () => ({ day: day(30), topic: 'جلسه' }) }),
	http('POST /courses/[id]?/removeSession', { admin: OK, moderator: 403, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: (f) => ({ sessionId: f.ids.courseSession }), note: 'its register is taken: a 409 (courses-http.test.ts removes one)' }),
	http('POST /courses/[id]?/enrol', { admin: OK, moderator: 403, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: (f, role) => ({ personId: f.ids[`enrolee-${role}`] }) }),
	http('POST /courses/[id]?/withdraw', { admin: OK, moderator: 403, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: (f, role) => ({ enrolmentId: f.ids[`withdrawal-${role}`] }) }),
	http('POST /courses/[id]?/complete', { admin: OK, moderator: 403, member: 403, executor: OK, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: (f) => ({ enrolmentId: f.ids['withdrawal-admin'] }), note: 'withdrawn: a 409 (courses-http.test.ts completes one)' }),
	http('POST /courses/[id]?/addCoordinator', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: (f) => ({ personId: f.ids.coordinatorCandidate }), note: 'administrators name coordinators; a coordinator does not' }),
	http('POST /courses/[id]?/removeCoordinator', { admin: OK, moderator: 403, member: 403, executor: 403, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course' }, body: (f) => ({ personId: f.ids.coordinatorCandidate }) }),
	http('GET /courses/[id]/sessions/[sessionId]', { admin: 200, moderator: 403, member: 403, executor: 200, observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course', sessionId: 'courseSession' } }),
	http('POST /courses/[id]/sessions/[sessionId]?/save', { admin: to('/courses/'), moderator: 403, member: 403, executor: to('/courses/'), observer: 403, anonymous: LOGIN, otherGroup: 403, otherOrgAdmin: 404 },
		{ params: { id: 'course', sessionId: 'courseSession' }, note: 'nobody ticked: everyone enrolled recorded absent, and back to the course' }),
	http('GET /certificates/[id]', { admin: 200, moderator: 404, member: 200, executor: 200, observer: 404, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'certificate' }, reveals: [{ text: 'certificateCode', to: ['admin', 'member', 'executor'] }], note: 'its holder, the course\'s coordinators and administrators; to anyone else it does not exist' }),
	http('POST /certificates/[id]?/revoke', { admin: OK, moderator: 404, member: 403, executor: 403, observer: 404, anonymous: LOGIN, otherGroup: 404, otherOrgAdmin: 404 },
		{ params: { id: 'certificate' }, body: () => ({ reason: 'ثبت حضور اشتباه بود' }), last: true, note: 'administrators only; the holder and the coordinator read it but may not revoke' }),
	// The public verification: anyone with the code, with the holder's name and the course only.
	http('GET /verify', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 }),
	http('GET /verify/[code]', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ params: { code: 'certificateCode' }, reveals: [{ text: 'holderName', to: EVERYONE }] }),
	http('GET /verify/key', { admin: 200, moderator: 200, member: 200, executor: 200, observer: 200, anonymous: 200, otherGroup: 200, otherOrgAdmin: 200 },
		{ note: 'the public key that checks certificates' }),

	// ---- Socket.IO events (the live meeting is `meetingLive`, started by the fixture) --------
	socket('group:join', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ groupId: f.ids.groupA })),
	socket('group:leave', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: OK, otherOrgAdmin: OK }, (f) => ({ groupId: f.ids.groupA })),
	socket('meeting:join', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive })),
	socket('meeting:leave', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: OK, otherOrgAdmin: OK }, (f) => ({ meetingId: f.ids.meetingLive })),
	socket('meeting:start', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive })),
	socket('meeting:current', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, itemId: null })),
	socket('meeting:timer', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, action: 'reset' })),
	socket('meeting:hand', { admin: 'FORBIDDEN', moderator: OK, member: OK, executor: OK, observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, raised: true })),
	socket('meeting:queue', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, action: 'end' })),
	socket('meeting:checkin', { admin: 'FORBIDDEN', moderator: OK, member: OK, executor: OK, observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, present: true })),
	socket('meeting:attendance', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, personId: f.ids.memberPerson, present: true })),
	socket('vote:watch', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive })),
	socket('vote:open', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive, proposalId: f.ids.socketVoteProposal })),
	socket('vote:cast', { admin: 'FORBIDDEN', moderator: OK, member: OK, executor: OK, observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
		async (f) => ({ meetingId: f.ids.meetingLive, voteId: await f.openVote(f.ids.meetingLive), choice: 'YES' })),
	socket('vote:close', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
		async (f) => ({ meetingId: f.ids.meetingLive, voteId: await f.openVote(f.ids.meetingLive) })),
	socket('vote:consensus', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
		(f) => ({ meetingId: f.ids.meetingLive, proposalId: f.ids.consensusProposal, outcome: 'SENT_BACK', text: 'بیشتر کار شود' })),
	socket('followups:watch', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive })),
	socket('followups:unwatch', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: OK, otherOrgAdmin: OK }, (f) => ({ meetingId: f.ids.meetingLive })),
	socket('action:status', { admin: OK, moderator: OK, member: OK, executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ itemId: f.ids.actionItem, status: 'IN_PROGRESS' })),
	socket('action:note', { admin: OK, moderator: OK, member: OK, executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ itemId: f.ids.actionItem, note: 'یادداشت' })),
	socket('discussion:watch', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ proposalId: f.ids.reviewProposal })),
	socket('discussion:watch', { admin: OK, moderator: OK, member: OK, executor: 'NOT_FOUND', observer: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ proposalId: f.ids.draftProposal })),
	socket('discussion:unwatch', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: OK, otherOrgAdmin: OK }, (f) => ({ proposalId: f.ids.reviewProposal })),
	socket('notifications:read', { admin: OK, moderator: OK, member: OK, executor: OK, observer: OK, anonymous: 'UNAUTHENTICATED', otherGroup: OK, otherOrgAdmin: OK }, () => ({})),
	socket('meeting:close', { admin: OK, moderator: OK, member: 'FORBIDDEN', executor: 'FORBIDDEN', observer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', otherGroup: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' }, (f) => ({ meetingId: f.ids.meetingLive }), { last: true }),

	// ---- Collaborative documents (/collab/<name>) -------------------------------------------
	collab('group', 'group.[groupA].notes', { admin: 'edit', moderator: 'edit', member: 'edit', executor: 'edit', observer: 'read', anonymous: 4401, otherGroup: 4404, otherOrgAdmin: 4404 }),
	collab('meeting', 'meeting.[meetingA].agenda', { admin: 'edit', moderator: 'edit', member: 'edit', executor: 'edit', observer: 'read', anonymous: 4401, otherGroup: 4404, otherOrgAdmin: 4404 }),
	collab('meeting', 'meeting.[meetingClosed].agenda', { admin: 'read', moderator: 'read', member: 'read', executor: 'read', observer: 'read', anonymous: 4401, otherGroup: 4404, otherOrgAdmin: 4404 })
];

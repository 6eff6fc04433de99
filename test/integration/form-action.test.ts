// The one door for form actions (web/lib/server/form-action.ts), against the real server:
// every refused action answers in the one FormFailure shape (shared/forms.ts) — the field
// codes, what was sent, and which form it was — whatever area it belongs to; a bad input
// is a 400 with its fields named and the values kept; NOT_FOUND is an error page, and an
// anonymous post is sent to sign in before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The encoding SvelteKit itself uses for an enhanced action's `data` (a dependency of the kit).
import { parse as decode } from 'devalue';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { signIn } from '../support/clients';
import { demoGroups, openTestDb } from '../support/db';
import { actorFor, nextMeeting } from '../support/meeting-fixture';
import { createActionItem } from '../../server/domain/action-items/create';
import type { FormFailure } from '../../shared/forms';

let server: TestServer;
let groupId: string;
let itemId: string;
let meetingId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	server = await startServer();
	const database = await openTestDb(server);
	groupId = (await demoGroups(database))[0].id;
	const moderator = await actorFor(database.db, 'moderator');
	const executor = await database.db.user.findUniqueOrThrow({ where: { email: 'executor@rahkar.example' } });
	// An item the executor owns: the member may not report on it.
	const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
	itemId = (
		await createActionItem(database.db, moderator, {
			groupId,
			title: 'فهرست تأمین‌کنندگان',
			ownerPersonId: executor.personId!,
			dueDate: due
		})
	).itemId;
	meetingId = (await nextMeeting(database.db)).id;
	await database.close();
	for (const who of ['admin', 'moderator', 'member', 'executor'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
	await server?.dispose();
});

interface Answer {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	location?: string;
	data?: unknown;
}

/** Posts a form action as use:enhance does; the answer with its data decoded. */
async function post(who: string | null, path: string, fields: Record<string, string>): Promise<Answer> {
	const res = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			...(who ? { cookie: cookies[who] } : {}),
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields)
	});
	const answer = (await res.json()) as Answer & { data?: string };
	// An error answer carries its status on the response only.
	return { ...answer, status: answer.status ?? res.status, data: typeof answer.data === 'string' ? decode(answer.data) : answer.data };
}

/** Posts a form as a browser without JavaScript does: the page comes back with the failure on it. */
async function plainPost(who: string, path: string, fields: Record<string, string>): Promise<{ status: number; html: string }> {
	const res = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			cookie: `${cookies[who]}; PARAGLIDE_LOCALE=en`,
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: res.status, html: await res.text() };
}

const BAD_SERIES = {
	date: '2031-02-10',
	time: '17:00',
	timeZone: 'Asia/Tehran',
	cadenceDays: '0',
	durationMinutes: '5',
	place: 'تالار شهر',
	link: ''
};

describe('the form-action adapter', () => {
	it('turns a domain refusal into the one failure: field codes, the values sent, and which form', async () => {
		const name = `ناحیه‌ی آزمون ${Date.now()}`;
		expect(await post('admin', '/admin/districts?/add', { name, number: '' })).toMatchObject({ type: 'success', status: 200 });
		// The same name again: the domain's CONFLICT, about one field.
		const again = await post('admin', '/admin/districts?/add', { name, number: '' });
		expect(again).toMatchObject({ type: 'failure', status: 400 });
		expect(again.data).toEqual({ errors: { name: 'taken' }, values: { name, number: '' }, which: 'add' } satisfies FormFailure);
	});

	it('answers a refusal that names no field with its code under `form`, not an error page', async () => {
		const refused = await post('moderator', '/admin/districts?/add', { name: 'ناحیه‌ی ناروا' });
		expect(refused).toMatchObject({ type: 'failure', status: 403 });
		expect(refused.data).toEqual({ errors: { form: 'FORBIDDEN' }, values: { name: 'ناحیه‌ی ناروا' }, which: 'add' });
	});

	it('gives another area the same shape (an action item the member does not own)', async () => {
		const refused = await post('member', '/actions?/update', { itemId, status: 'DONE' });
		expect(refused).toMatchObject({ type: 'failure', status: 403 });
		expect(refused.data).toEqual({
			errors: { form: 'FORBIDDEN' },
			values: { itemId, status: 'DONE', reason: '', note: '' },
			which: 'update'
		});
	});

	it('refuses bad input with 400, each bad field named and every value kept (a schema the route parses with)', async () => {
		const sent = BAD_SERIES;
		const bad = await post('moderator', `/groups/${groupId}/meetings?/series`, sent);
		expect(bad).toMatchObject({ type: 'failure', status: 400 });
		const failure = bad.data as FormFailure;
		expect(Object.keys(failure.errors).sort()).toEqual(['cadenceDays', 'durationMinutes']);
		expect(failure.values).toEqual(sent);
		expect(failure.which).toBe('series');
	});

	it('shows that failure on the form that was sent, without JavaScript too', async () => {
		const series = await plainPost('moderator', `/groups/${groupId}/meetings?/series`, BAD_SERIES);
		expect(series.status).toBe(400);
		expect(series.html).toContain('Check the fields marked below.');
		expect(series.html).toContain('id="series-cadenceDays-error"');
		expect(series.html).toContain('value="تالار شهر"');
		// The owner blocks the item without saying why: the reason field says so.
		const item = await plainPost('executor', `/actions/${itemId}?/update`, { itemId, status: 'BLOCKED', reason: '', note: '' });
		expect(item.status).toBe(400);
		expect(item.html).toContain(`id="upd-${itemId}-reason-error"`);
	});

	it('gives the meeting room and its votes the same shape, shown on their pages without JavaScript too', async () => {
		// The room: a member may not start the meeting.
		expect(await post('member', `/meetings/${meetingId}?/start`, {})).toMatchObject({
			type: 'failure',
			status: 403,
			data: { errors: { form: 'FORBIDDEN' }, values: {}, which: 'start' }
		});
		const room = await plainPost('member', `/meetings/${meetingId}?/start`, {});
		expect(room.status).toBe(403);
		expect(room.html).toContain('You may not do that in this meeting.');
		// The votes: the domain's own code for the form (no such open vote to close), a conflict
		// with the state rather than with what was sent, so a 409.
		const close = await post('moderator', `/meetings/${meetingId}/votes?/close`, { voteId: 'no-such-vote' });
		expect(close).toMatchObject({
			type: 'failure',
			status: 409,
			data: { errors: { form: 'vote_closed' }, values: { voteId: 'no-such-vote' }, which: 'close' }
		});
		const votes = await plainPost('moderator', `/meetings/${meetingId}/votes?/close`, { voteId: 'no-such-vote' });
		expect(votes.status).toBe(409);
		expect(votes.html).toContain('The vote is closed.');
	});

	it('keeps NOT_FOUND an error page: there is no form to answer on', async () => {
		expect(await post('admin', '/admin/districts?/rename', { id: 'no-such-district', name: 'x' })).toMatchObject({
			type: 'error',
			status: 404
		});
	});

	it('sends an anonymous post to sign in, and does nothing', async () => {
		const anonymous = await post(null, '/admin/districts?/add', { name: 'ناحیه‌ی بی‌نام' });
		expect(anonymous.type).toBe('redirect');
		expect(anonymous.location).toBe(`/login?next=${encodeURIComponent('/admin/districts?/add')}`);
		// Signed in, the same name is free: the anonymous post wrote nothing.
		expect(await post('admin', '/admin/districts?/add', { name: 'ناحیه‌ی بی‌نام' })).toMatchObject({ type: 'success' });
	});
});

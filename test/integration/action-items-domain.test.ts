// The action-item domain against a real (seeded) database: who may make and change items,
// carry-over from meeting to meeting with the record taken at close, notifications and the
// reminder job, the CSV export and the owner's calendar feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { createActionItem } from '../../server/domain/action-items/create';
import { changeStatus, addNote } from '../../server/domain/action-items/status';
import { editActionItem } from '../../server/domain/action-items/edit';
import { meetingFollowUps } from '../../server/domain/action-items/carry-over';
import { actionItemDetail, groupActionItems, myActionItems } from '../../server/domain/action-items/queries';
import { markRead, notificationsFor, savePreferences, unreadCount } from '../../server/domain/action-items/notifications';
import { sendDueReminders } from '../../server/domain/action-items/reminders';
import { exportGroupActionItems } from '../../server/domain/action-items/csv';
import { feedToken, ownerCalendar, resetFeedToken } from '../../server/domain/action-items/feed';
import { closeMeeting, startMeeting } from '../../server/domain/meetings/lifecycle';
import { meetingState } from '../../server/domain/meetings/state';
import { addDays, todayIn } from '../../shared/action-items';
import { actorFor, nextMeeting, seededDatabase } from '../support/meeting-fixture';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let groupId: string;
let otherGroupId: string;
const a: Record<string, Actor & { name: string }> = {};

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	[groupId, otherGroupId] = (await db.group.findMany({ orderBy: { createdAt: 'asc' } })).map((g) => g.id);
	for (const who of ['moderator', 'member', 'observer', 'executor', 'admin']) {
		const actor = await actorFor(db, who);
		a[who] = { ...actor, name: (await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name };
	}
	await nextMeeting(db); // materialises the series' occurrences
});
afterAll(async () => fixture?.dispose());

const today = () => todayIn('Asia/Tehran');
const meetings = () => db.meeting.findMany({ where: { groupId, status: { in: ['SCHEDULED', 'LIVE'] } }, orderBy: { startsAt: 'asc' } });
const userOf = async (who: string) => a[who].userId;
const expectCode = async (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });

describe('making items', () => {
	it('lets a moderator make one in a live meeting for the executor, who is told at once', async () => {
		const [m1] = await meetings();
		await startMeeting(db, a.moderator, { meetingId: m1.id });
		const before = await unreadCount(db, await userOf('executor'));
		const made = await createActionItem(db, a.moderator, {
			groupId,
			title: 'نمونه‌ی بسته‌بندی برای فروشگاه محله',
			ownerPersonId: a.executor.personId,
			dueDate: addDays(today(), 10),
			meetingId: m1.id,
			agendaItemId: 'item-1'
		});
		expect(made.notices).toHaveLength(1);
		expect(made.notices[0]).toMatchObject({ userId: a.executor.userId, notification: { kind: 'ASSIGNED', item: { status: 'OPEN' } } });
		expect(await unreadCount(db, a.executor.userId)).toBe(before + 1);
		const item = await db.actionItem.findUniqueOrThrow({ where: { id: made.itemId } });
		expect(item).toMatchObject({ side: 'EXECUTOR', meetingId: m1.id, agendaItemId: 'item-1', createdById: a.moderator.userId });
		// It shows in the running meeting's snapshot at once, as made here.
		const state = await meetingState(db, m1.id);
		expect(state.followUps.created.map((i) => i.id)).toContain(made.itemId);
	});

	it("ties an item to one of the meeting's decisions, which the follow-ups offer", async () => {
		const [m1] = await meetings();
		const decision = await db.decision.create({
			data: { meetingId: m1.id, method: 'CONSENSUS', outcome: 'APPROVED', text: 'Open a pilot stall' }
		});
		expect((await meetingFollowUps(db, m1.id)).decisions).toEqual([{ id: decision.id, label: 'Open a pilot stall' }]);
		const made = await createActionItem(db, a.moderator, {
			groupId,
			title: 'Book the stall',
			ownerPersonId: a.executor.personId,
			dueDate: today(),
			meetingId: m1.id,
			decisionId: decision.id
		});
		expect((await db.actionItem.findUniqueOrThrow({ where: { id: made.itemId } })).decisionId).toBe(decision.id);
		const other = (await nextMeeting(db, 1)).id;
		const foreign = await db.decision.create({ data: { meetingId: other, method: 'CONSENSUS', outcome: 'APPROVED' } });
		await expect(
			createActionItem(db, a.moderator, {
				groupId,
				title: 'x',
				ownerPersonId: a.executor.personId,
				dueDate: today(),
				decisionId: foreign.id
			})
		).rejects.toMatchObject({ code: 'INVALID', fields: { decisionId: 'invalid' } });
	});

	it('refuses members, observers and executors, owners from outside the group, bad days and links', async () => {
		const base = { groupId, title: 'x', ownerPersonId: a.executor.personId, dueDate: today() };
		for (const who of ['member', 'observer', 'executor']) await expectCode(createActionItem(db, a[who], base), 'FORBIDDEN');
		const outsider = await db.membership.findFirstOrThrow({
			where: { groupId: otherGroupId, person: { memberships: { none: { groupId } } } }
		});
		await expect(createActionItem(db, a.moderator, { ...base, ownerPersonId: outsider.personId })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { ownerPersonId: 'not_member' }
		});
		await expect(createActionItem(db, a.moderator, { ...base, dueDate: '1404-12-29' })).rejects.toMatchObject({
			fields: { dueDate: 'invalid_date' }
		});
		await expect(createActionItem(db, a.moderator, { ...base, title: '  ' })).rejects.toMatchObject({ fields: { title: 'required' } });
		await expect(createActionItem(db, a.moderator, { ...base, proposalId: 'nope' })).rejects.toMatchObject({
			fields: { proposalId: 'invalid' }
		});
		const scheduled = (await meetings()).find((m) => m.status === 'SCHEDULED')!;
		await expectCode(createActionItem(db, a.moderator, { ...base, meetingId: scheduled.id }), 'CONFLICT');
		// A stranger to the group learns nothing.
		const stranger = { ...a.moderator, personId: null, isAdmin: false, userId: a.admin.userId };
		await expectCode(createActionItem(db, stranger, base), 'NOT_FOUND');
	});
});

describe('changing items', () => {
	let itemId: string;
	beforeAll(async () => {
		itemId = (
			await createActionItem(db, a.admin, {
				groupId,
				title: 'Permit check',
				ownerPersonId: a.executor.personId,
				dueDate: addDays(today(), 5)
			})
		).itemId;
	});

	it('lets only the owner, the moderator or an administrator change it', async () => {
		for (const who of ['member', 'observer']) await expectCode(changeStatus(db, a[who], { itemId, status: 'IN_PROGRESS' }), 'FORBIDDEN');
		await expectCode(addNote(db, a.member, { itemId, note: 'hi' }), 'FORBIDDEN');
		const change = await changeStatus(db, a.executor, { itemId, status: 'IN_PROGRESS', note: 'started' });
		// The administrator made it, so the administrator hears of the change.
		expect(change.notices).toEqual([
			expect.objectContaining({
				userId: a.admin.userId,
				notification: expect.objectContaining({ kind: 'STATUS_CHANGED', status: 'IN_PROGRESS', byName: a.executor.name })
			})
		]);
		await expect(changeStatus(db, a.moderator, { itemId, status: 'BLOCKED' })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { reason: 'required' }
		});
		await changeStatus(db, a.moderator, { itemId, status: 'BLOCKED', reason: 'waiting for the permit office' });
		await changeStatus(db, a.admin, { itemId, status: 'IN_PROGRESS' });
		await changeStatus(db, a.executor, { itemId, status: 'DONE' });
		await expectCode(changeStatus(db, a.executor, { itemId, status: 'BLOCKED', reason: 'x' }), 'CONFLICT');
		const detail = await actionItemDetail(db, a.member, itemId);
		expect(detail.item).toMatchObject({ status: 'DONE', canChange: false, lastNote: { text: 'started', byName: a.executor.name } });
		expect(detail.history.map((h) => [h.kind, h.toStatus, h.byName])).toEqual([
			['STATUS', 'DONE', a.executor.name],
			['STATUS', 'IN_PROGRESS', a.admin.name],
			['STATUS', 'BLOCKED', a.moderator.name],
			['STATUS', 'IN_PROGRESS', a.executor.name],
			['CREATED', 'OPEN', a.admin.name]
		]);
		expect(detail.history[2].reason).toBe('waiting for the permit office');
	});

	it('lets moderators edit, records what changed, and tells a new owner', async () => {
		await expectCode(
			editActionItem(db, a.executor, { itemId, title: 'y', ownerPersonId: a.executor.personId, dueDate: today() }),
			'FORBIDDEN'
		);
		const newOwner = await db.membership.findFirstOrThrow({ where: { groupId, person: { user: { email: 'member@rahkar.example' } } } });
		const change = await editActionItem(db, a.moderator, {
			itemId,
			title: 'Permit check (city)',
			ownerPersonId: newOwner.personId,
			dueDate: today()
		});
		expect(change.notices.map((n) => [n.userId, n.notification.kind])).toEqual([[a.member.userId, 'ASSIGNED']]);
		const detail = await actionItemDetail(db, a.moderator, itemId);
		expect(detail.history[0]).toMatchObject({
			kind: 'EDITED',
			changes: { title: ['Permit check', 'Permit check (city)'], ownerPersonId: [a.executor.personId, newOwner.personId] }
		});
		expect(detail.item.side).toBe('ENTREPRENEUR');
	});

	it("shows an owner's items across groups in My actions, open by due day and recently done", async () => {
		const mine = await myActionItems(db, a.executor);
		expect(mine.open.length).toBeGreaterThan(0);
		expect(mine.open.every((i) => i.canChange && i.status !== 'DONE')).toBe(true);
		const days = mine.open.map((i) => i.dueDate);
		expect(days).toEqual([...days].sort());
		expect(await myActionItems(db, { ...a.admin, personId: null })).toEqual({ open: [], done: [] });
	});
});

describe('carry-over from meeting to meeting', () => {
	it('records every listed item at close, carries open ones into the next meeting, and shows them done there once', async () => {
		const [m1, m2] = await meetings();
		expect(m1.status).toBe('LIVE');
		const made = await db.actionItem.findFirstOrThrow({ where: { meetingId: m1.id, decisionId: null } });
		const between = (
			await createActionItem(db, a.moderator, { groupId, title: 'Between meetings', ownerPersonId: a.executor.personId, dueDate: today() })
		).itemId;
		await changeStatus(db, a.executor, { itemId: between, status: 'IN_PROGRESS', note: 'half way' });

		await closeMeeting(db, a.moderator, { meetingId: m1.id });
		const record = await meetingFollowUps(db, m1.id);
		expect(record.frozen).toBe(true);
		expect(record.created.map((i) => [i.id, i.status])).toContainEqual([made.id, 'OPEN']);
		expect(record.carried.find((i) => i.id === between)).toMatchObject({ status: 'IN_PROGRESS', lastNote: { text: 'half way' } });

		// After the close the owner finishes; the closed meeting's record does not change…
		await changeStatus(db, a.executor, { itemId: made.id, status: 'DONE', note: 'delivered' });
		expect((await meetingFollowUps(db, m1.id)).created.find((i) => i.id === made.id)?.status).toBe('OPEN');
		// …and the next meeting hears it is done, carried over from m1.
		const next = await meetingFollowUps(db, m2.id);
		expect(next.frozen).toBe(false);
		expect(next.carried.find((i) => i.id === made.id)).toMatchObject({
			status: 'DONE',
			carriedFrom: { meetingId: m1.id, startsAt: m1.startsAt.toISOString() },
			timesCarried: 1
		});
		expect(next.carried.find((i) => i.id === between)).toMatchObject({ status: 'IN_PROGRESS', carriedFrom: { meetingId: m1.id } });

		// m2 runs and closes; at m3 the done item is gone and the open one is carried again.
		await startMeeting(db, a.moderator, { meetingId: m2.id });
		await closeMeeting(db, a.moderator, { meetingId: m2.id });
		const m3 = (await meetings())[0];
		const third = await meetingFollowUps(db, m3.id);
		expect(third.carried.map((i) => i.id)).not.toContain(made.id);
		expect(third.carried.find((i) => i.id === between)).toMatchObject({ carriedFrom: { meetingId: m2.id }, timesCarried: 2 });
		expect(third.suggestedDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('lists, export and feed', () => {
	it('filters a group by owner, side, status and due day', async () => {
		const all = await groupActionItems(db, a.observer, groupId);
		expect(all.canCreate).toBe(false);
		const open = await groupActionItems(db, a.moderator, groupId, { status: 'open', owner: a.executor.personId });
		expect(open.items.every((i) => i.status !== 'DONE' && i.ownerPersonId === a.executor.personId)).toBe(true);
		expect((await groupActionItems(db, a.moderator, groupId, { side: 'ENTREPRENEUR' })).items.every((i) => i.side === 'ENTREPRENEUR')).toBe(
			true
		);
		const soon = await groupActionItems(db, a.moderator, groupId, { due: 'soon' });
		expect(soon.items.map((i) => i.title)).toContain('Between meetings');
		await expect(groupActionItems(db, a.moderator, groupId, { due: 'someday' })).rejects.toMatchObject({ code: 'INVALID' });
	});

	it('exports CSV with Jalali days and formula-safe cells', async () => {
		await createActionItem(db, a.moderator, {
			groupId,
			title: '=HYPERLINK("http://x")',
			ownerPersonId: a.executor.personId,
			dueDate: '2026-03-20'
		});
		const { csv } = await exportGroupActionItems(db, a.member, groupId, {}, 'https://rahkar.example');
		expect(csv.startsWith('\uFEFFtitle,owner,side,status')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).toContain('2026-03-20,1404/12/29');
	});

	it("serves the owner's due days as all-day events behind a secret that can be replaced", async () => {
		const token = await feedToken(db, a.executor.userId);
		expect(await feedToken(db, a.executor.userId)).toBe(token);
		const ics = await ownerCalendar(db, { token }, 'https://rahkar.example');
		expect(ics).toContain('DTSTART;VALUE=DATE:');
		expect(ics).toContain('Between meetings');
		const fresh = await resetFeedToken(db, a.executor.userId);
		await expectCode(ownerCalendar(db, { token }, 'https://rahkar.example'), 'NOT_FOUND');
		expect(await ownerCalendar(db, { token: fresh }, 'https://rahkar.example')).toContain('BEGIN:VCALENDAR');
	});
});

describe('reminders and preferences', () => {
	it('sends due-soon and overdue once per item and due day, only to those who want them', async () => {
		const dueToday = (
			await createActionItem(db, a.moderator, { groupId, title: 'Due today', ownerPersonId: a.executor.personId, dueDate: today() })
		).itemId;
		const late = (
			await createActionItem(db, a.moderator, { groupId, title: 'Late', ownerPersonId: a.executor.personId, dueDate: addDays(today(), -1) })
		).itemId;
		const first = await sendDueReminders(db);
		const mine = first
			.filter((n) => n.userId === a.executor.userId)
			.map((n) => ['item' in n.notification ? n.notification.item.id : null, n.notification.kind]);
		expect(mine).toContainEqual([dueToday, 'DUE_SOON']);
		expect(mine).toContainEqual([late, 'OVERDUE']);
		expect(await sendDueReminders(db)).toEqual([]);

		// A moved due day earns a new reminder; a user who turned reminders off gets none.
		await savePreferences(db, a.executor.userId, { ASSIGNED: true, DUE_SOON: false, OVERDUE: true, STATUS_CHANGED: true });
		await editActionItem(db, a.moderator, {
			itemId: dueToday,
			title: 'Due today',
			ownerPersonId: a.executor.personId,
			dueDate: addDays(today(), 1)
		});
		expect(await sendDueReminders(db)).toEqual([]);
		await editActionItem(db, a.moderator, {
			itemId: dueToday,
			title: 'Due today',
			ownerPersonId: a.executor.personId,
			dueDate: addDays(today(), -2)
		});
		expect((await sendDueReminders(db)).map((n) => n.notification.kind)).toEqual(['OVERDUE']);
	});

	it('marks notifications read, some or all', async () => {
		const userId = a.executor.userId;
		const list = await notificationsFor(db, userId);
		expect(list.length).toBeGreaterThan(2);
		expect((await markRead(db, userId, [list[0].id])).unread).toBe(await unreadCount(db, userId));
		expect((await notificationsFor(db, userId))[0].read).toBe(true);
		expect((await markRead(db, userId)).unread).toBe(0);
		// Nobody marks another user's notifications.
		expect((await markRead(db, a.member.userId, [list[1].id])).unread).toBeGreaterThanOrEqual(0);
	});
});

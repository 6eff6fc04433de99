// The action items made for one proposal or outcome, as their pages list them, against a real
// (seeded) database: only that proposal's or outcome's items, earliest due first; who may add
// more; and the same NOT_FOUND as the proposal's own page for whoever may not see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { createActionItem } from '../../server/domain/action-items/create';
import { linkedActionItems } from '../../server/domain/action-items/queries';
import { startMeeting } from '../../server/domain/meetings/lifecycle';
import { decideByConsensus } from '../../server/domain/proposals/decisions';
import { moveProposal } from '../../server/domain/proposals/transitions';
import { startExecution } from '../../server/domain/proposals/outcomes';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { addDays, todayIn } from '../../shared/action-items';
import { actorFor, nextMeeting, seededDatabase } from '../support/meeting-fixture';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let groupId: string;
const a: Record<string, Actor> = {};
/** Proposals: two submitted, one still a draft; and the outcome of the first. */
const ids = { proposal: '', other: '', draft: '', outcome: '' };
/** The items, by what they were made for. */
const items = { early: '', late: '', other: '', outcome: '', loose: '', draft: '' };

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	const [group, otherGroup] = await db.group.findMany({ orderBy: { createdAt: 'asc' } });
	groupId = group.id;
	for (const who of ['moderator', 'member', 'observer', 'executor', 'admin']) a[who] = await actorFor(db, who);
	const org = a.admin.organisationId;
	a.stranger = { userId: 'u-stranger', organisationId: org, personId: null, isAdmin: false };
	const outsider = await db.membership.findFirstOrThrow({
		where: { groupId: otherGroup.id, person: { memberships: { none: { groupId } } } }
	});
	a.outsider = { userId: 'u-outsider', organisationId: org, personId: outsider.personId, isAdmin: false };

	const file = async (title: string, submit: boolean) => (await fileProposal(db, a.member, groupId, { title, submit })).id;
	ids.proposal = await file('Neighbourhood repair café', true);
	ids.other = await file('Tool library', true);
	ids.draft = await file('Half-formed idea', false);
	// The first one is approved in a live meeting and carried out as a service.
	await moveProposal(db, a.moderator, ids.proposal, { to: 'IN_REVIEW' });
	const meetingId = (await nextMeeting(db)).id;
	await startMeeting(db, a.moderator, { meetingId });
	await decideByConsensus(db, a.moderator, { meetingId, proposalId: ids.proposal, outcome: 'APPROVED', text: 'Agreed' });
	const executorSeat = await db.membership.findFirstOrThrow({ where: { groupId, role: 'EXECUTOR' } });
	ids.outcome = (
		await startExecution(db, a.moderator, ids.proposal, { kind: 'SERVICE', executorPersonId: executorSeat.personId, description: '' })
	).outcomeId;

	const today = todayIn('Asia/Tehran');
	const make = async (title: string, due: number, link: Record<string, string>, owner = a.executor) =>
		(
			await createActionItem(db, a.moderator, {
				groupId,
				title,
				ownerPersonId: owner.personId,
				dueDate: addDays(today, due),
				...link
			})
		).itemId;
	// Made late-first, so the order they come back in is the query's own.
	items.late = await make('Find a room', 20, { proposalId: ids.proposal }, a.member);
	items.early = await make('Ask the district centre', 3, { proposalId: ids.proposal });
	items.other = await make('Count the tools', 5, { proposalId: ids.other });
	items.outcome = await make('Buy soldering irons', 7, { outcomeId: ids.outcome });
	items.loose = await make('Unrelated errand', 1, {});
	items.draft = await make('Sketch the idea', 2, { proposalId: ids.draft });
});
afterAll(async () => fixture?.dispose());

const idsOf = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);

describe('what a proposal or outcome page lists', () => {
	it("lists only that proposal's items, earliest due first, with their owner and due day", async () => {
		const list = await linkedActionItems(db, a.moderator, { proposalId: ids.proposal });
		expect(list.groupId).toBe(groupId);
		expect(idsOf(list)).toEqual([items.early, items.late]);
		expect(list.items[0]).toMatchObject({ title: 'Ask the district centre', status: 'OPEN', proposalId: ids.proposal, outcomeId: null });
		expect(list.items[0].ownerPersonId).toBe(a.executor.personId);
		expect(list.items[0].ownerName).toBeTruthy();
		expect(idsOf(await linkedActionItems(db, a.moderator, { proposalId: ids.other }))).toEqual([items.other]);
	});

	it("lists only the outcome's items, which its proposal's page does not repeat", async () => {
		const list = await linkedActionItems(db, a.executor, { outcomeId: ids.outcome });
		expect(list.groupId).toBe(groupId);
		expect(idsOf(list)).toEqual([items.outcome]);
		expect(idsOf(await linkedActionItems(db, a.executor, { proposalId: ids.proposal }))).not.toContain(items.outcome);
	});

	it('shows every reader of the group the same items, and offers adding them to moderators only', async () => {
		for (const who of ['moderator', 'admin', 'member', 'observer', 'executor']) {
			const list = await linkedActionItems(db, a[who], { proposalId: ids.proposal });
			expect(idsOf(list), who).toEqual([items.early, items.late]);
			expect(list.canCreate, who).toBe(who === 'moderator' || who === 'admin');
			expect((await linkedActionItems(db, a[who], { outcomeId: ids.outcome })).canCreate, who).toBe(list.canCreate);
		}
	});

	it('lets the owner, moderators and administrators change an item, and no one else', async () => {
		const canChange = async (who: string) =>
			Object.fromEntries((await linkedActionItems(db, a[who], { proposalId: ids.proposal })).items.map((i) => [i.id, i.canChange]));
		expect(await canChange('moderator')).toEqual({ [items.early]: true, [items.late]: true });
		expect(await canChange('admin')).toEqual({ [items.early]: true, [items.late]: true });
		expect(await canChange('executor')).toEqual({ [items.early]: true, [items.late]: false });
		expect(await canChange('member')).toEqual({ [items.early]: false, [items.late]: true });
		expect(await canChange('observer')).toEqual({ [items.early]: false, [items.late]: false });
	});

	it("answers NOT_FOUND to those who may not see the proposal, as its page does: strangers, other groups' members, a draft's other readers", async () => {
		for (const who of ['stranger', 'outsider']) {
			await expect(linkedActionItems(db, a[who], { proposalId: ids.proposal }), who).rejects.toMatchObject({ code: 'NOT_FOUND' });
			await expect(linkedActionItems(db, a[who], { outcomeId: ids.outcome }), who).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		for (const who of ['observer', 'executor'])
			await expect(linkedActionItems(db, a[who], { proposalId: ids.draft }), who).rejects.toMatchObject({ code: 'NOT_FOUND' });
		for (const who of ['member', 'moderator'])
			expect(idsOf(await linkedActionItems(db, a[who], { proposalId: ids.draft }))).toEqual([items.draft]);
		await expect(linkedActionItems(db, a.admin, { proposalId: 'no-such-proposal' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(linkedActionItems(db, a.admin, { outcomeId: 'no-such-outcome' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

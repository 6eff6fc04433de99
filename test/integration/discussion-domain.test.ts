// A proposal's discussion against a real (seeded) database: who may read, write, edit and
// hide; edits keep every earlier body; a hidden comment keeps its body in the record and
// shows who hid it and why; a mention notifies a member of the group who may read the
// proposal, and nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { editComment, hideComment, postComment } from '../../server/domain/discussion/comments';
import { discussionView } from '../../server/domain/discussion/view';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { proposalDetail } from '../../server/domain/proposals/detail';
import { notificationsFor, savePreferences } from '../../server/domain/action-items/notifications';
import { createActionItem } from '../../server/domain/action-items/create';
import { addDays, todayIn } from '../../shared/action-items';
import { actorFor, seededDatabase } from '../support/meeting-fixture';
import { createStranger } from '../support/db';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let groupId: string;
let proposalId: string;
const a: Record<string, Actor & { name: string }> = {};

const expectCode = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });
const mentionsOf = async (who: string) => (await notificationsFor(db, a[who].userId)).filter((n) => n.kind === 'MENTIONED');

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	const [groupA, groupB] = await db.group.findMany({ orderBy: { createdAt: 'asc' } });
	groupId = groupA.id;
	for (const who of ['moderator', 'member', 'observer', 'executor', 'admin']) {
		const actor = await actorFor(db, who);
		a[who] = { ...actor, name: (await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name };
	}
	// A user of the organisation seated nowhere, and one seated only in the second group.
	await createStranger(fixture.database);
	await createStranger(fixture.database, 'other-group@rahkar.example', 'other-group-pass-1');
	const seatB = await db.membership.findFirstOrThrow({
		where: { groupId: groupB.id, role: 'MEMBER', person: { memberships: { none: { groupId: groupA.id } }, user: { is: null } } },
		include: { person: true }
	});
	await db.user.update({ where: { email: 'other-group@rahkar.example' }, data: { personId: seatB.personId, name: seatB.person.name } });
	for (const who of ['stranger', 'other-group']) {
		const actor = await actorFor(db, who);
		a[who] = { ...actor, name: (await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name };
	}
	proposalId = (await fileProposal(db, a.member, groupId, { title: 'Neighbourhood repair café', problem: '', idea: '', submit: true })).id;
});
afterAll(async () => fixture?.dispose());

describe('reading and writing', () => {
	it('a member comments and another answers; an answer to an answer joins the same thread; the timeline shows each', async () => {
		const first = await postComment(db, a.member, proposalId, { body: 'یک پیشنهاد خوب\nA good idea for the district.' });
		expect(first).toMatchObject({ kind: 'discussion', proposalId, notices: [] });
		const answer = await postComment(db, a.executor, proposalId, { body: 'We can run it.', parentId: first.commentId });
		const deeper = await postComment(db, a.moderator, proposalId, { body: 'Agreed.', parentId: answer.commentId });
		expect((await db.comment.findUniqueOrThrow({ where: { id: deeper.commentId } })).parentId).toBe(first.commentId);

		const view = await discussionView(db, a.observer, proposalId);
		expect(view.count).toBe(3);
		expect(view.canComment).toBe(false);
		expect(view.threads).toHaveLength(1);
		expect(view.threads[0]).toMatchObject({
			id: first.commentId,
			author: { userId: a.member.userId },
			body: 'یک پیشنهاد خوب\nA good idea for the district.'
		});
		expect(view.threads[0].answers.map((c) => c.id)).toEqual([answer.commentId, deeper.commentId]);

		const timeline = (await proposalDetail(db, a.member, proposalId)).timeline.filter((e) => e.kind === 'COMMENTED');
		expect(timeline.map((e) => [e.detail, e.by])).toEqual([
			[first.commentId, a.member.name],
			[answer.commentId, a.executor.name],
			[deeper.commentId, a.moderator.name]
		]);
	});

	it('refuses observers (they read), strangers and members of another group (they learn nothing), and empty text', async () => {
		await expectCode(postComment(db, a.observer, proposalId, { body: 'I would like to say' }), 'FORBIDDEN');
		await expectCode(postComment(db, a.stranger, proposalId, { body: 'hello' }), 'NOT_FOUND');
		await expectCode(postComment(db, a['other-group'], proposalId, { body: 'hello' }), 'NOT_FOUND');
		await expectCode(discussionView(db, a.stranger, proposalId), 'NOT_FOUND');
		await expectCode(discussionView(db, a['other-group'], proposalId), 'NOT_FOUND');
		await expect(postComment(db, a.member, proposalId, { body: '   ' })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { body: 'required' }
		});
		// An answer must answer a comment of the same proposal.
		const elsewhere = (await fileProposal(db, a.member, groupId, { title: 'Another', problem: '', idea: '', submit: true })).id;
		const there = await postComment(db, a.member, elsewhere, { body: 'there' });
		await expectCode(postComment(db, a.member, proposalId, { body: 'here', parentId: there.commentId }), 'NOT_FOUND');
	});

	it("a draft's discussion is its readers' only: the author and the moderators", async () => {
		const draft = (await fileProposal(db, a.member, groupId, { title: 'Draft idea', problem: '', idea: '', submit: false })).id;
		await postComment(db, a.moderator, draft, { body: 'Submit it soon.' });
		await expectCode(postComment(db, a.executor, draft, { body: 'hi' }), 'NOT_FOUND');
		await expectCode(discussionView(db, a.executor, draft), 'NOT_FOUND');
		expect((await discussionView(db, a.member, draft)).count).toBe(1);
	});
});

describe('editing', () => {
	it('only its author edits a comment, and every earlier body is kept, newest first', async () => {
		const { commentId } = await postComment(db, a.member, proposalId, { body: 'first words' });
		for (const who of ['moderator', 'admin', 'executor', 'observer'])
			await expectCode(editComment(db, a[who], proposalId, { commentId, body: 'not yours' }), 'FORBIDDEN');
		await expectCode(editComment(db, a.stranger, proposalId, { commentId, body: 'not yours' }), 'NOT_FOUND');
		await editComment(db, a.member, proposalId, { commentId, body: 'second words' });
		await editComment(db, a.member, proposalId, { commentId, body: 'third words' });

		const row = await db.comment.findUniqueOrThrow({
			where: { id: commentId },
			include: { revisions: { orderBy: { replacedAt: 'asc' } } }
		});
		expect(row.body).toBe('third words');
		expect(row.editedAt).not.toBeNull();
		expect(row.revisions.map((r) => r.body)).toEqual(['first words', 'second words']);
		expect(row.revisions[0].writtenAt).toEqual(row.createdAt);

		const shown = (await discussionView(db, a.observer, proposalId)).threads.find((t) => t.id === commentId)!;
		expect(shown.body).toBe('third words');
		expect(shown.history.map((h) => h.body)).toEqual(['second words', 'first words']);
		expect(shown.rights.canEdit).toBe(false);
		expect((await discussionView(db, a.member, proposalId)).threads.find((t) => t.id === commentId)!.rights.canEdit).toBe(true);
	});

	it('of two edits from the same text, the second is told the comment changed and no body is lost', async () => {
		const { commentId } = await postComment(db, a.member, proposalId, { body: 'v1' });
		const results = await Promise.allSettled([
			editComment(db, a.member, proposalId, { commentId, body: 'v2a' }),
			editComment(db, a.member, proposalId, { commentId, body: 'v2b' })
		]);
		const row = await db.comment.findUniqueOrThrow({ where: { id: commentId }, include: { revisions: true } });
		// Either both ran one after the other (v1 → one → the other) or one lost and was told.
		const refused = results.filter((r) => r.status === 'rejected');
		for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
		expect(row.revisions.length).toBe(2 - refused.length);
		expect(row.revisions.map((r) => r.body)).toContain('v1');
	});
});

describe('hiding', () => {
	it('a moderator hides a comment with a reason; its body stays in the record, the page shows the reason', async () => {
		const { commentId } = await postComment(db, a.executor, proposalId, { body: 'Buy my product at www.example.com' });
		for (const who of ['member', 'executor', 'observer'])
			await expectCode(hideComment(db, a[who], proposalId, { commentId, reason: 'spam' }), 'FORBIDDEN');
		await expect(hideComment(db, a.moderator, proposalId, { commentId, reason: ' ' })).rejects.toMatchObject({
			code: 'INVALID',
			fields: { reason: 'required' }
		});
		await hideComment(db, a.moderator, proposalId, { commentId, reason: 'تبلیغ' });

		const row = await db.comment.findUniqueOrThrow({ where: { id: commentId } });
		expect(row).toMatchObject({ body: 'Buy my product at www.example.com', hiddenReason: 'تبلیغ', hiddenById: a.moderator.userId });
		const shown = (await discussionView(db, a.member, proposalId)).threads.find((t) => t.id === commentId)!;
		expect(shown).toMatchObject({
			body: '',
			history: [],
			hidden: { reason: 'تبلیغ', by: a.moderator.name },
			rights: { canEdit: false, canHide: false }
		});
		const event = (await proposalDetail(db, a.member, proposalId)).timeline.find(
			(e) => e.kind === 'COMMENT_HIDDEN' && e.detail === commentId
		);
		expect(event).toMatchObject({ reason: 'تبلیغ', by: a.moderator.name });

		// Hidden is final here: its author cannot edit it, and hiding it again is refused.
		await expectCode(editComment(db, a.executor, proposalId, { commentId, body: 'edited' }), 'CONFLICT');
		await expectCode(hideComment(db, a.admin, proposalId, { commentId, reason: 'again' }), 'CONFLICT');
	});
});

describe('links to other records', () => {
	it('show as cards only what each reader may open: a draft for its readers, an item, a consenting person', async () => {
		const draft = (await fileProposal(db, a.member, groupId, { title: 'Linked draft', problem: '', idea: '', submit: false })).id;
		const { itemId } = await createActionItem(db, a.moderator, {
			groupId,
			title: 'Ask the district centre',
			ownerPersonId: a.executor.personId,
			dueDate: addDays(todayIn('Asia/Tehran'), 7)
		});
		const person = await db.person.findFirstOrThrow({ where: { consent: true, organisationId: a.member.organisationId } });
		const { commentId } = await postComment(db, a.member, proposalId, {
			body: `See /proposals/${draft} and http://rahkar.example/actions/${itemId}.\nAsk (/people/${person.id}); not /proposals/nosuchproposal00`
		});
		const cardsFor = async (who: string) => (await discussionView(db, a[who], proposalId)).threads.find((t) => t.id === commentId)!.links;
		expect(await cardsFor('moderator')).toEqual([
			{ kind: 'proposal', id: draft, title: 'Linked draft', detail: 'DRAFT' },
			{ kind: 'action', id: itemId, title: 'Ask the district centre', detail: 'OPEN' },
			{ kind: 'person', id: person.id, title: person.name, detail: null }
		]);
		// The executor may not read the member's draft: no card, not even its title.
		expect((await cardsFor('executor')).map((c) => c.kind)).toEqual(['action', 'person']);
	});
});

describe('mentions', () => {
	it('notify a mentioned member of the group, once, and link the comment to them by id', async () => {
		const before = (await mentionsOf('executor')).length;
		const made = await postComment(db, a.member, proposalId, { body: `@${a.executor.name} could you price this?` });
		expect(made.notices).toHaveLength(1);
		expect(made.notices[0]).toMatchObject({
			userId: a.executor.userId,
			notification: {
				kind: 'MENTIONED',
				byName: a.member.name,
				comment: { id: made.commentId, proposalId, proposalTitle: 'Neighbourhood repair café' }
			}
		});
		expect(await db.commentMention.findMany({ where: { commentId: made.commentId } })).toEqual([
			{ commentId: made.commentId, userId: a.executor.userId }
		]);
		expect(await mentionsOf('executor')).toHaveLength(before + 1);
		// An edit that keeps the mention does not notify again; one that adds a member notifies only them.
		const edited = await editComment(db, a.member, proposalId, {
			commentId: made.commentId,
			body: `@${a.executor.name} and @${a.observer.name}, could you price this?`
		});
		expect(edited.notices.map((n) => n.userId)).toEqual([a.observer.userId]);
		expect(await mentionsOf('executor')).toHaveLength(before + 1);
	});

	it('create nothing for someone outside the group, for the writer themself, or for a name that is not whole', async () => {
		const made = await postComment(db, a.member, proposalId, {
			body: `@${a.stranger.name} @${a['other-group'].name} @${a.member.name} @${a.executor.name}x`
		});
		expect(made.notices).toEqual([]);
		expect(await db.commentMention.count({ where: { commentId: made.commentId } })).toBe(0);
		expect(await mentionsOf('stranger')).toEqual([]);
		expect(await mentionsOf('other-group')).toEqual([]);
	});

	it("of a draft, notify only those who may read it, and respect a member's choice to hear no mentions", async () => {
		const draft = (await fileProposal(db, a.member, groupId, { title: 'Quiet draft', problem: '', idea: '', submit: false })).id;
		const onDraft = await postComment(db, a.member, draft, { body: `@${a.executor.name} @${a.moderator.name}` });
		expect(onDraft.notices.map((n) => n.userId)).toEqual([a.moderator.userId]);

		await savePreferences(db, a.executor.userId, { MENTIONED: false });
		const quiet = await postComment(db, a.member, proposalId, { body: `@${a.executor.name} ping` });
		expect(quiet.notices).toEqual([]);
		// The link is kept: the comment still mentions them, they chose only not to be told.
		expect(await db.commentMention.count({ where: { commentId: quiet.commentId } })).toBe(1);
		await savePreferences(db, a.executor.userId, { MENTIONED: true });
	});

	it('match Persian names typed with Arabic letters or without the joiner', async () => {
		const name = a.executor.name;
		const typed = name
			.replace(/ی/g, 'ي')
			.replace(/ک/g, 'ك')
			.replace(/\u200c/g, '');
		const made = await postComment(db, a.member, proposalId, { body: `سلام @${typed}، نظر شما؟` });
		expect(made.notices.map((n) => n.userId)).toEqual([a.executor.userId]);
	});
});

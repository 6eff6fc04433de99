// Writing in a proposal's discussion: a comment or an answer, an edit by its author (the old
// body kept), a moderator hiding one with a reason. Each runs in one transaction with its
// timeline event and the notifications its mentions make, and says what it changed.
import type { Db } from '../../db/client';
import type { Tx } from '../meetings/meeting-transaction';
import { CommentEditInput, CommentHideInput, CommentInput, type CommentPerson } from '../../../shared/discussion';
import type { Actor } from '../access';
import type { DiscussionChanged } from '../changes';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { notify } from '../action-items/notifications';
import { findProposal } from '../proposals/proposal-access';
import { recordEvent } from '../proposals/timeline';
import { mentionable } from './mentionable';
import { mayComment, mayEditComment, mayHideComment, mentionedIn } from './rules';

const notFound = () => new DomainError('NOT_FOUND', 'comment not found');

/** The comment, if it belongs to this proposal (else NOT_FOUND, as for an unknown id). */
async function commentOf(db: Db, proposalId: string, commentId: string) {
	const comment = await db.comment.findUnique({
		where: { id: commentId },
		select: { id: true, proposalId: true, parentId: true, authorId: true, body: true, createdAt: true, editedAt: true, hiddenAt: true }
	});
	if (!comment || comment.proposalId !== proposalId) throw notFound();
	return comment;
}

/** Links the mentioned people to the comment and tells those who were not mentioned in it
 * before (never the writer themself). */
async function mention(tx: Tx, commentId: string, people: CommentPerson[], already: Set<string>, by: { userId: string; name: string }) {
	const fresh = people.filter((p) => !already.has(p.userId) && p.userId !== by.userId);
	if (fresh.length) await tx.commentMention.createMany({ data: fresh.map((p) => ({ commentId, userId: p.userId })) });
	return notify(
		tx,
		fresh.map((p) => ({ userId: p.userId, kind: 'MENTIONED' as const, commentId, byName: by.name }))
	);
}

const writer = async (db: Db, actor: Actor) => ({
	userId: actor.userId,
	name: (await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } })).name
});

/** A member writes a comment on a proposal they may read, or answers one (an answer to an
 * answer joins the same thread: one level of nesting). */
export async function postComment(db: Db, actor: Actor, proposalId: string, raw: CommentInput): Promise<DiscussionChanged> {
	const found = await findProposal(db, actor, proposalId);
	if (!mayComment(found.access)) throw new DomainError('FORBIDDEN', 'observers read the discussion');
	const input = parse(CommentInput, raw);
	const parentId = input.parentId ? ((await commentOf(db, proposalId, input.parentId)).parentId ?? input.parentId) : null;
	const people = mentionedIn(input.body, await mentionable(db, found));
	const by = await writer(db, actor);
	return db.$transaction(async (tx) => {
		const comment = await tx.comment.create({
			data: { proposalId, parentId, authorId: actor.userId, body: input.body },
			select: { id: true }
		});
		await recordEvent(tx, { proposalId, kind: 'COMMENTED', byUserId: actor.userId, detail: comment.id });
		const notices = await mention(tx, comment.id, people, new Set(), by);
		return { kind: 'discussion', proposalId, commentId: comment.id, notices };
	});
}

/** Its author changes a comment's text; the body it had is kept as a revision, and people
 * it now mentions for the first time are told. */
export async function editComment(db: Db, actor: Actor, proposalId: string, raw: CommentEditInput): Promise<DiscussionChanged> {
	const found = await findProposal(db, actor, proposalId);
	const input = parse(CommentEditInput, raw);
	const comment = await commentOf(db, proposalId, input.commentId);
	if (!mayEditComment(actor.userId, found.access, comment)) {
		if (comment.hiddenAt) throw new DomainError('CONFLICT', 'the comment is hidden', { form: 'hidden' });
		throw new DomainError('FORBIDDEN', 'only its author edits a comment');
	}
	const change: DiscussionChanged = { kind: 'discussion', proposalId, commentId: comment.id, notices: [] };
	if (input.body === comment.body) return change;
	const people = mentionedIn(input.body, await mentionable(db, found));
	const by = await writer(db, actor);
	const now = new Date();
	return db.$transaction(async (tx) => {
		// A compare-and-set on the text it was read with: of two edits at once, one wins and
		// the other is told, so every replaced body is in the history exactly once.
		const written = await tx.comment.updateMany({
			where: { id: comment.id, body: comment.body, editedAt: comment.editedAt, hiddenAt: null },
			data: { body: input.body, editedAt: now }
		});
		if (written.count !== 1) throw new DomainError('CONFLICT', 'the comment changed meanwhile', { form: 'stale' });
		await tx.commentRevision.create({
			data: { commentId: comment.id, body: comment.body, writtenAt: comment.editedAt ?? comment.createdAt, replacedAt: now }
		});
		const before = await tx.commentMention.findMany({ where: { commentId: comment.id }, select: { userId: true } });
		const stillMentioned = new Set(people.map((p) => p.userId));
		const dropped = before.filter((m) => !stillMentioned.has(m.userId)).map((m) => m.userId);
		if (dropped.length) await tx.commentMention.deleteMany({ where: { commentId: comment.id, userId: { in: dropped } } });
		return { ...change, notices: await mention(tx, comment.id, people, new Set(before.map((m) => m.userId)), by) };
	});
}

/** A moderator hides a comment and says why; the body stays in the record and the page
 * shows "hidden by a moderator" with the reason in its place. */
export async function hideComment(db: Db, actor: Actor, proposalId: string, raw: CommentHideInput): Promise<DiscussionChanged> {
	const found = await findProposal(db, actor, proposalId);
	const input = parse(CommentHideInput, raw);
	if (!found.access.canModerate) throw new DomainError('FORBIDDEN', 'moderators hide comments');
	const comment = await commentOf(db, proposalId, input.commentId);
	if (!mayHideComment(found.access, comment)) throw new DomainError('CONFLICT', 'the comment is hidden already', { form: 'hidden' });
	return db.$transaction(async (tx) => {
		const hidden = await tx.comment.updateMany({
			where: { id: comment.id, hiddenAt: null },
			data: { hiddenAt: new Date(), hiddenById: actor.userId, hiddenReason: input.reason }
		});
		if (hidden.count !== 1) throw new DomainError('CONFLICT', 'the comment is hidden already', { form: 'hidden' });
		await recordEvent(tx, { proposalId, kind: 'COMMENT_HIDDEN', byUserId: actor.userId, detail: comment.id, reason: input.reason });
		return { kind: 'discussion', proposalId, commentId: comment.id, notices: [] };
	});
}

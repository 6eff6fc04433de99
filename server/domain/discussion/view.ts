// A proposal's discussion as its page shows it to one reader: the threads, oldest first,
// with what the reader may do to each comment. A hidden comment's body and history stay in
// the record but are not sent: the page shows who hid it and why.
import type { Db } from '../../db/client';
import type { CommentThread, CommentView, DiscussionView } from '../../../shared/discussion';
import type { Actor } from '../access';
import { findProposal } from '../proposals/proposal-access';
import { linkCards } from './links';
import { mentionable } from './mentionable';
import { mayComment, mayEditComment, mayHideComment } from './rules';

/** The discussion of a proposal the actor may read (NOT_FOUND otherwise, as for its page). */
export async function discussionView(db: Db, actor: Actor, proposalId: string): Promise<DiscussionView> {
	const found = await findProposal(db, actor, proposalId);
	const rows = await db.comment.findMany({
		where: { proposalId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		include: {
			author: { select: { id: true, name: true } },
			hiddenBy: { select: { name: true } },
			revisions: { orderBy: { replacedAt: 'desc' }, select: { body: true, writtenAt: true, replacedAt: true } },
			mentions: { select: { user: { select: { id: true, name: true } } } }
		}
	});
	const links = await linkCards(
		db,
		actor,
		rows.filter((c) => !c.hiddenAt)
	);
	const view = (c: (typeof rows)[number]): CommentView => ({
		id: c.id,
		parentId: c.parentId,
		author: c.author ? { userId: c.author.id, name: c.author.name } : null,
		body: c.hiddenAt ? '' : c.body,
		createdAt: c.createdAt.toISOString(),
		editedAt: c.editedAt?.toISOString() ?? null,
		history: c.hiddenAt
			? []
			: c.revisions.map((r) => ({ body: r.body, writtenAt: r.writtenAt.toISOString(), replacedAt: r.replacedAt.toISOString() })),
		mentions: c.mentions.map((m) => ({ userId: m.user.id, name: m.user.name })),
		hidden: c.hiddenAt ? { reason: c.hiddenReason ?? '', by: c.hiddenBy?.name ?? null, at: c.hiddenAt.toISOString() } : null,
		rights: { canEdit: mayEditComment(actor.userId, found.access, c), canHide: mayHideComment(found.access, c) },
		links: links.get(c.id) ?? []
	});
	const threads = new Map<string, CommentThread>();
	for (const c of rows) if (!c.parentId) threads.set(c.id, { ...view(c), answers: [] });
	for (const c of rows) if (c.parentId) threads.get(c.parentId)?.answers.push(view(c));
	const canComment = mayComment(found.access);
	return {
		proposalId,
		canComment,
		threads: [...threads.values()],
		count: rows.length,
		mentionable: canComment ? (await mentionable(db, found)).filter((p) => p.userId !== actor.userId) : []
	};
}

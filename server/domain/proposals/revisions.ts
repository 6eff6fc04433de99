// The versions of a proposal's text, and what changed between two of them.
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { changed, diffText, type DiffPart } from './diff';
import { findProposal } from './proposal-access';

export interface RevisionSummary {
	number: number;
	note: string;
	by: string | null;
	createdAt: string;
}

export interface RevisionCompare {
	proposal: { id: string; title: string; revision: number; groupId: string };
	revisions: RevisionSummary[];
	from: number;
	to: number;
	fields: { field: 'title' | 'problem' | 'idea' | 'needs'; parts: DiffPart[]; changed: boolean }[];
}

/** Compares revision `from` with revision `to` (default: the latest with the one before it). */
export async function compareRevisions(
	db: Db,
	actor: Actor,
	proposalId: string,
	range: { from?: number; to?: number } = {}
): Promise<RevisionCompare> {
	const { proposal } = await findProposal(db, actor, proposalId);
	const rows = await db.proposalRevision.findMany({
		where: { proposalId },
		orderBy: { number: 'asc' },
		include: { by: { select: { name: true } } }
	});
	const to = range.to ?? proposal.revision;
	const from = range.from ?? Math.max(1, to - 1);
	const a = rows.find((r) => r.number === from);
	const b = rows.find((r) => r.number === to);
	if (!a || !b) throw new DomainError('NOT_FOUND', 'revision not found');
	return {
		proposal: { id: proposal.id, title: proposal.title, revision: proposal.revision, groupId: proposal.groupId },
		revisions: rows.map((r) => ({ number: r.number, note: r.note, by: r.by?.name ?? null, createdAt: r.createdAt.toISOString() })),
		from,
		to,
		fields: (['title', 'problem', 'idea', 'needs'] as const).map((field) => {
			const parts = diffText(a[field], b[field]);
			return { field, parts, changed: changed(parts) };
		})
	};
}

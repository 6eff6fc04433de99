// One proposal as its page shows it: the text, needs and people, the sides' positions, the
// votes and decisions, the outcome, the timeline, and what the reader may do next.
import type { Db } from '../../db/client';

import type { Actor } from '../access';
import { findProposal } from './proposal-access';
import { positionsOf } from './positions';
import { mayEditText, mayMove, reviewSidesFor, transitionsFor } from './rules';
import { overallProgress } from './outcomes';
import type { ProposalDetail } from '../../../shared/proposals';

export type { TimelineEntry, ReviewView, ProposalDetail } from '../../../shared/proposals';

export async function proposalDetail(db: Db, actor: Actor, proposalId: string): Promise<ProposalDetail> {
	const { proposal: ref, who } = await findProposal(db, actor, proposalId);
	const p = await db.proposal.findUniqueOrThrow({
		where: { id: proposalId },
		include: {
			group: { select: { id: true, name: true } },
			author: { select: { name: true } },
			needs: true,
			people: { include: { person: { select: { name: true } } } },
			reviews: { include: { by: { select: { name: true } } } },
			votes: { where: { status: 'CLOSED' }, orderBy: { closedAt: 'asc' } },
			decisions: { orderBy: { decidedAt: 'asc' } },
			outcome: { include: { milestones: { select: { progress: true } } } },
			events: { orderBy: [{ at: 'asc' }, { id: 'asc' }], include: { by: { select: { name: true } } } }
		}
	});
	const canStartExecution = mayMove(who, ref.state, 'IN_EXECUTION', 'execution');
	const executors = canStartExecution
		? (
				await db.membership.findMany({
					where: { groupId: p.groupId, role: { not: 'OBSERVER' } },
					include: { person: { select: { name: true } } }
				})
			)
				// The executor side first: that is whose work it usually is.
				.sort((a, b) => Number(b.side === 'EXECUTOR') - Number(a.side === 'EXECUTOR') || a.person.name.localeCompare(b.person.name, 'fa'))
				.map((m) => ({ personId: m.personId, name: m.person.name, side: m.side }))
		: [];
	return {
		id: p.id,
		title: p.title,
		problem: p.problem,
		idea: p.idea,
		state: p.state,
		revision: p.revision,
		createdAt: p.createdAt.toISOString(),
		stateChangedAt: p.stateChangedAt.toISOString(),
		group: p.group,
		author: p.author?.name ?? null,
		raisedIn: p.meetingId ? { meetingId: p.meetingId, agendaItemId: p.agendaItemId } : null,
		needs: p.needs.map((n) => ({ need: n.need, note: n.note })),
		people: p.people.map((l) => ({ personId: l.personId, name: l.person.name, role: l.role })),
		reviews: p.reviews.map((r) => ({
			side: r.side,
			verdict: r.verdict,
			feasibility: r.feasibility,
			estimateWeeks: r.estimateWeeks,
			estimateCost: r.estimateCost,
			reasons: r.reasons,
			by: r.by?.name ?? null,
			updatedAt: r.updatedAt.toISOString()
		})),
		positions: positionsOf(p.reviews),
		votes: p.votes.map((v) => ({
			voteId: v.id,
			meetingId: v.meetingId,
			yes: v.yes,
			no: v.no,
			abstain: v.abstain,
			result: v.result,
			present: v.present,
			closedAt: v.closedAt?.toISOString() ?? null
		})),
		decisions: p.decisions.map((d) => ({
			id: d.id,
			meetingId: d.meetingId,
			method: d.method,
			outcome: d.outcome,
			text: d.text,
			decidedAt: d.decidedAt.toISOString()
		})),
		outcome: p.outcome
			? {
					id: p.outcome.id,
					kind: p.outcome.kind,
					status: p.outcome.status,
					progress: overallProgress(p.outcome.milestones, p.outcome.status === 'DELIVERED')
				}
			: null,
		timeline: p.events.map((e) => ({
			id: e.id,
			kind: e.kind,
			fromState: e.fromState,
			toState: e.toState,
			side: e.side,
			detail: e.detail,
			reason: e.reason,
			meetingId: e.meetingId,
			at: e.at.toISOString(),
			by: e.by?.name ?? null
		})),
		rights: {
			canEdit: mayEditText(who, ref.state),
			// Delivery goes through the outcome's page.
			moves: transitionsFor(who, ref.state).filter((s) => s !== 'DELIVERED'),
			reviewSides: reviewSidesFor(who, ref.state),
			canStartExecution,
			canDeliver: mayMove(who, ref.state, 'DELIVERED', 'transition')
		},
		executors
	};
}

// One meeting's votes and decisions as every client sees them (shared/vote-events.ts), read
// from the database alone: a reconnecting client, or another node, gets the same answer.
import type { Db } from '../../db/client';
import type { DecisionView, VoteView, VotingState } from '../../../shared/vote-events';
import { DomainError } from '../errors';
import { countQuorum, quorumCounts, quorumOf } from '../meetings/attendance';

/** The state of the meeting's votes (no authorisation: callers check access first). */
export async function votingState(db: Db, meetingId: string): Promise<VotingState> {
	const meeting = await db.meeting.findUnique({
		where: { id: meetingId },
		select: { status: true, groupId: true, group: { select: { quorumPercent: true, quorumSides: true } } }
	});
	if (!meeting) throw new DomainError('NOT_FOUND', 'meeting not found');
	const [votes, decisions, candidates, counts] = await db.$transaction([
		db.vote.findMany({
			where: { meetingId },
			orderBy: { openedAt: 'desc' },
			include: { proposal: { select: { title: true } } }
		}),
		db.decision.findMany({
			where: { meetingId },
			orderBy: { decidedAt: 'desc' },
			include: { proposal: { select: { title: true } }, decidedBy: { select: { name: true } } }
		}),
		db.proposal.findMany({
			where: { groupId: meeting.groupId, state: 'IN_REVIEW' },
			orderBy: { stateChangedAt: 'asc' },
			select: { id: true, title: true, state: true }
		}),
		countQuorum(db, meetingId, meeting.groupId)
	]);
	const now = quorumOf(quorumCounts(counts), meeting.group);

	const view = (v: (typeof votes)[number]): VoteView => ({
		voteId: v.id,
		proposalId: v.proposalId,
		proposalTitle: v.proposal.title,
		status: v.status,
		tally: { yes: v.yes, no: v.no, abstain: v.abstain },
		majorityRule: v.majorityRule,
		quorum:
			v.status === 'OPEN'
				? { present: now.present, eligible: now.eligible, needed: now.needed, met: now.met }
				: { present: v.present ?? 0, eligible: now.eligible, needed: now.needed, met: v.quorumMet ?? false },
		result: v.result,
		openedAt: v.openedAt.toISOString(),
		closedAt: v.closedAt?.toISOString() ?? null
	});
	const decisionViews: DecisionView[] = decisions.map((d) => ({
		decisionId: d.id,
		proposalId: d.proposalId,
		proposalTitle: d.proposal?.title ?? '',
		method: d.method,
		outcome: d.outcome,
		text: d.text,
		decidedAt: d.decidedAt.toISOString(),
		decidedBy: d.decidedBy?.name ?? ''
	}));
	// Grows with every vote opened (1), ballot (1), closing (1) and decision (1); nothing is
	// ever deleted, so a larger number is always a later state.
	// Grows with every ballot, close and decision, and with the meeting going live and then
	// closing (SCHEDULED → LIVE → CLOSED), so a client keeps the newest of two crossing states.
	const stage = meeting.status === 'LIVE' ? 1 : meeting.status === 'SCHEDULED' ? 0 : 2;
	const version = votes.reduce((n, v) => n + 1 + v.yes + v.no + v.abstain + (v.status === 'CLOSED' ? 1 : 0), 0) + decisions.length + stage;
	const open = votes.find((v) => v.status === 'OPEN');
	return {
		meetingId,
		version,
		live: meeting.status === 'LIVE',
		open: open ? view(open) : null,
		closed: votes.filter((v) => v.status === 'CLOSED').map(view),
		decisions: decisionViews,
		candidates
	};
}

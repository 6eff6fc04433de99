// A group's pipeline board: its proposals in columns by state, each card with the six sides'
// positions at a glance; and the group's proposal settings.
import type { Db } from '../../db/client';
import { BOARD_COLUMNS, ProposalSettingsInput, type BoardColumnId, type MajorityRule, type ProposalState } from '../../../shared/proposals';
import type { Actor, GroupAccess } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { readableGroup } from './proposal-access';
import { mayFile } from './rules';
import { positionsOf } from './positions';
import type { ProposalCard } from '../../../shared/proposals';

export type { ProposalCard } from '../../../shared/proposals';

export interface Board {
	group: { id: string; name: string; majorityRule: MajorityRule; publishOutcomes: boolean };
	access: GroupAccess;
	canFile: boolean;
	columns: { id: BoardColumnId; cards: ProposalCard[] }[];
	withdrawn: ProposalCard[];
}

const groupNotFound = () => new DomainError('NOT_FOUND', 'group not found');

export async function proposalBoard(db: Db, actor: Actor, groupId: string): Promise<Board> {
	const access = await readableGroup(db, actor, groupId, groupNotFound);
	const group = await db.group.findUniqueOrThrow({
		where: { id: groupId },
		select: { id: true, name: true, majorityRule: true, publishOutcomes: true }
	});
	const rows = await db.proposal.findMany({
		where: {
			groupId,
			// Drafts are their author's (and the moderators') alone.
			...(access.canModerate ? {} : { OR: [{ state: { not: 'DRAFT' } }, { authorId: actor.userId }] })
		},
		orderBy: { stateChangedAt: 'desc' },
		select: {
			id: true,
			title: true,
			state: true,
			stateChangedAt: true,
			needs: { select: { need: true } },
			reviews: { select: { side: true, verdict: true, feasibility: true } },
			outcome: { select: { id: true, kind: true } }
		}
	});
	const cards: ProposalCard[] = rows.map((r) => ({
		id: r.id,
		title: r.title,
		state: r.state,
		needs: r.needs.map((n) => n.need),
		positions: positionsOf(r.reviews),
		stateChangedAt: r.stateChangedAt.toISOString(),
		outcome: r.outcome
	}));
	return {
		group,
		access,
		canFile: mayFile(access),
		columns: BOARD_COLUMNS.map((c) => ({
			id: c.id,
			cards: cards.filter((card) => (c.states as readonly ProposalState[]).includes(card.state))
		})),
		withdrawn: cards.filter((c) => c.state === 'WITHDRAWN')
	};
}

/** The moderator sets the group's majority rule and whether delivered outcomes are public. */
export async function setProposalSettings(db: Db, actor: Actor, groupId: string, input: ProposalSettingsInput): Promise<void> {
	const access = await readableGroup(db, actor, groupId, groupNotFound);
	if (!access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators change the group settings');
	const d = parse(ProposalSettingsInput, input);
	await db.group.update({ where: { id: groupId }, data: { majorityRule: d.majorityRule, publishOutcomes: d.publishOutcomes } });
}

// Reading outcomes: one outcome's page, the organisation-wide overview (filterable by group,
// district, field, kind and status), and a group's public page of delivered outcomes.
import type { Db, Prisma } from '../../db/client';
import { OutcomeFilter, type OutcomeKind, type OutcomeStatus } from '../../../shared/proposals';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { findOutcome, overallProgress } from './outcomes';
import { mayMove, mayRunOutcome } from './rules';
import type { MilestoneView, OutcomeDetail } from '../../../shared/proposals';

export type { MilestoneView, OutcomeDetail } from '../../../shared/proposals';

const milestoneView = (m: { id: string; title: string; dueDate: Date; progress: number }): MilestoneView => ({
	id: m.id,
	title: m.title,
	dueDate: m.dueDate.toISOString().slice(0, 10),
	progress: m.progress
});

export async function outcomeDetail(db: Db, actor: Actor, outcomeId: string): Promise<OutcomeDetail> {
	const { outcome: ref, who } = await findOutcome(db, actor, outcomeId);
	const o = await db.outcome.findUniqueOrThrow({
		where: { id: outcomeId },
		include: {
			group: { select: { id: true, name: true, publishOutcomes: true } },
			executor: { select: { id: true, name: true } },
			milestones: { orderBy: [{ dueDate: 'asc' }, { position: 'asc' }] },
			updates: { orderBy: [{ at: 'desc' }, { id: 'desc' }], include: { by: { select: { name: true } } } }
		}
	});
	const delivered = o.status === 'DELIVERED';
	return {
		id: o.id,
		proposalId: o.proposalId,
		title: o.title,
		description: o.description,
		kind: o.kind,
		status: o.status,
		startedAt: o.startedAt.toISOString(),
		deliveredAt: o.deliveredAt?.toISOString() ?? null,
		progress: overallProgress(o.milestones, delivered),
		group: o.group,
		executor: o.executor ? { personId: o.executor.id, name: o.executor.name } : null,
		milestones: o.milestones.map(milestoneView),
		updates: o.updates.map((u) => ({
			id: u.id,
			status: u.status,
			note: u.note,
			linkUrl: u.linkUrl,
			linkTitle: u.linkTitle,
			by: u.by?.name ?? null,
			at: u.at.toISOString()
		})),
		rights: { canRun: ref.state === 'IN_EXECUTION' && mayRunOutcome(who), canDeliver: mayMove(who, ref.state, 'DELIVERED', 'transition') }
	};
}

export interface OutcomeListItem {
	id: string;
	title: string;
	kind: OutcomeKind;
	status: OutcomeStatus;
	progress: number;
	group: { id: string; name: string };
	district: string | null;
	startedAt: string;
	deliveredAt: string | null;
	/** The earliest milestone not yet complete. */
	nextDue: string | null;
}

export interface OutcomesOverview {
	items: OutcomeListItem[];
	filter: Required<OutcomeFilter>;
	options: { groups: { id: string; name: string }[]; districts: { id: string; name: string }[]; fields: { id: string; name: string }[] };
}

/** Outcomes across the organisation: of the groups the actor reads (all, for administrators),
 * and the delivered outcomes of groups that publish them. */
export async function outcomesOverview(db: Db, actor: Actor, input: OutcomeFilter): Promise<OutcomesOverview> {
	const filter = parse(OutcomeFilter, input);
	const visible: Prisma.OutcomeWhereInput = actor.isAdmin
		? { group: { organisationId: actor.organisationId } }
		: {
				group: { organisationId: actor.organisationId },
				OR: [
					{ group: { memberships: { some: { personId: actor.personId ?? '' } } } },
					{ group: { publishOutcomes: true }, status: 'DELIVERED' }
				]
			};
	const where: Prisma.OutcomeWhereInput = {
		AND: [
			visible,
			filter.groupId ? { groupId: filter.groupId } : {},
			filter.districtId ? { group: { districtId: filter.districtId } } : {},
			filter.fieldId ? { group: { fields: { some: { fieldId: filter.fieldId } } } } : {},
			filter.kind ? { kind: filter.kind } : {},
			filter.status ? { status: filter.status } : {}
		]
	};
	const [rows, groups] = await Promise.all([
		db.outcome.findMany({
			where,
			orderBy: [{ startedAt: 'desc' }],
			take: 500,
			include: {
				group: { select: { id: true, name: true, district: { select: { name: true } } } },
				milestones: { select: { progress: true, dueDate: true } }
			}
		}),
		db.group.findMany({
			where: { organisationId: actor.organisationId, outcomes: { some: visible } },
			orderBy: { name: 'asc' },
			select: {
				id: true,
				name: true,
				district: { select: { id: true, name: true } },
				fields: { select: { field: { select: { id: true, name: true } } } }
			}
		})
	]);
	const uniq = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
	return {
		items: rows.map((o) => {
			const open = o.milestones.filter((m) => m.progress < 100).sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
			return {
				id: o.id,
				title: o.title,
				kind: o.kind,
				status: o.status,
				progress: overallProgress(o.milestones, o.status === 'DELIVERED'),
				group: { id: o.group.id, name: o.group.name },
				district: o.group.district?.name ?? null,
				startedAt: o.startedAt.toISOString(),
				deliveredAt: o.deliveredAt?.toISOString() ?? null,
				nextDue: o.status === 'DELIVERED' ? null : (open[0]?.dueDate.toISOString().slice(0, 10) ?? null)
			};
		}),
		filter,
		options: {
			groups: groups.map((g) => ({ id: g.id, name: g.name })),
			districts: uniq(groups.flatMap((g) => (g.district ? [g.district] : []))),
			fields: uniq(groups.flatMap((g) => g.fields.map((f) => f.field))).sort((a, b) => a.name.localeCompare(b.name, 'fa'))
		}
	};
}

export interface PublicOutcomes {
	group: { name: string; description: string; district: string | null };
	outcomes: {
		id: string;
		title: string;
		description: string;
		kind: OutcomeKind;
		progress: number;
		startedAt: string;
		deliveredAt: string | null;
		milestones: Omit<MilestoneView, 'id'>[];
	}[];
}

/** A group's delivered outcomes for anyone, without signing in — only when the group
 * publishes them. Names of people, emails and phones never leave here: the select below is
 * the whole of what is read. */
export async function publicOutcomes(db: Db, groupId: string): Promise<PublicOutcomes> {
	const group = await db.group.findFirst({
		where: { id: groupId, publishOutcomes: true },
		select: { name: true, description: true, district: { select: { name: true } } }
	});
	if (!group) throw new DomainError('NOT_FOUND', 'nothing published');
	const rows = await db.outcome.findMany({
		where: { groupId, status: 'DELIVERED' },
		orderBy: { deliveredAt: 'desc' },
		select: {
			id: true,
			title: true,
			description: true,
			kind: true,
			startedAt: true,
			deliveredAt: true,
			milestones: { orderBy: [{ dueDate: 'asc' }, { position: 'asc' }], select: { title: true, dueDate: true, progress: true } }
		}
	});
	return {
		group: { name: group.name, description: group.description, district: group.district?.name ?? null },
		outcomes: rows.map((o) => ({
			id: o.id,
			title: o.title,
			description: o.description,
			kind: o.kind,
			progress: overallProgress(o.milestones, true),
			startedAt: o.startedAt.toISOString(),
			deliveredAt: o.deliveredAt?.toISOString() ?? null,
			milestones: o.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate.toISOString().slice(0, 10), progress: m.progress }))
		}))
	};
}

// Reading items: an owner's "My actions" across groups, a group's filtered list, the items
// made for one proposal or outcome, and one item with its history.
import type { Db, Prisma } from '../../db/client';
import { addDays, byDue, todayIn, type ActionItemView, type ActionStatus } from '../../../shared/action-items';

import { groupAccess, type Actor, type GroupAccess } from '../access';
import { findProposal } from '../proposals/proposal-access';
import { findOutcome } from '../proposals/outcomes';
import { parse } from '../validation';
import { canChangeItem, canCreateItems, itemAccess } from './access';
import { ListFilter } from '../../../shared/action-item-inputs';
import { itemInclude, itemView, zoneOf } from './item-views';
import type { ItemLink, LinkedActionItems, HistoryEntry, Seat } from '../../../shared/action-items';

export type { ItemLink, LinkedActionItems, HistoryEntry, Seat } from '../../../shared/action-items';

/** How long finished work stays on My actions, so its owner sees it went through. */
const RECENTLY_DONE_DAYS = 14;

/** The actor's own items in every group: open ones by due day, and what they finished lately. */
export async function myActionItems(db: Db, actor: Actor, now = new Date()): Promise<{ open: ActionItemView[]; done: ActionItemView[] }> {
	if (!actor.personId) return { open: [], done: [] };
	const mine = { ownerPersonId: actor.personId, group: { organisationId: actor.organisationId } };
	const [open, done] = await Promise.all([
		db.actionItem.findMany({ where: { ...mine, status: { not: 'DONE' } }, include: itemInclude }),
		db.actionItem.findMany({
			where: { ...mine, status: 'DONE', doneAt: { gte: new Date(now.getTime() - RECENTLY_DONE_DAYS * 86_400_000) } },
			include: itemInclude,
			orderBy: { doneAt: 'desc' },
			take: 20
		})
	]);
	return { open: open.map((r) => itemView(r, true)).sort(byDue), done: done.map((r) => itemView(r, true)) };
}

const seatsOf = async (db: Db, groupId: string): Promise<Seat[]> =>
	(
		await db.membership.findMany({ where: { groupId }, include: { person: { select: { name: true } } }, orderBy: { createdAt: 'asc' } })
	).map((m) => ({ personId: m.personId, name: m.person.name, side: m.side, role: m.role }));

/** The Prisma filter for a list query, with due ranges as days in the group's zone. */
export function listWhere(groupId: string, filter: ListFilter, today: string): Prisma.ActionItemWhereInput {
	const notDone = { status: { not: 'DONE' as ActionStatus } };
	const and: Prisma.ActionItemWhereInput[] = [{ groupId }];
	if (filter.owner) and.push({ ownerPersonId: filter.owner });
	if (filter.side) and.push({ side: filter.side });
	if (filter.status === 'open') and.push(notDone);
	else if (filter.status) and.push({ status: filter.status });
	if (filter.due === 'overdue') and.push(notDone, { dueDate: { lt: today } });
	if (filter.due === 'soon') and.push(notDone, { dueDate: { gte: today, lte: addDays(today, 2) } });
	if (filter.due === 'week') and.push(notDone, { dueDate: { gte: today, lte: addDays(today, 7) } });
	if (filter.due === 'later') and.push({ dueDate: { gt: addDays(today, 2) } });
	if (filter.from) and.push({ dueDate: { gte: filter.from } });
	if (filter.to) and.push({ dueDate: { lte: filter.to } });
	return { AND: and };
}

export interface GroupActionList {
	group: { id: string; name: string };
	access: GroupAccess;
	canCreate: boolean;
	timeZone: string;
	filter: ListFilter;
	items: ActionItemView[];
	seats: Seat[];
}

/** A group's items, filtered by owner, side, status and due day; NOT_FOUND for strangers. */
export async function groupActionItems(
	db: Db,
	actor: Actor,
	groupId: string,
	rawFilter: unknown = {},
	now = new Date()
): Promise<GroupActionList> {
	const access = await groupAccess(db, actor, groupId);
	const filter = parse(ListFilter, rawFilter);
	const group = await db.group.findUniqueOrThrow({
		where: { id: groupId },
		select: { id: true, name: true, series: { select: { timeZone: true } } }
	});
	const timeZone = zoneOf(group);
	const rows = await db.actionItem.findMany({ where: listWhere(groupId, filter, todayIn(timeZone, now)), include: itemInclude });
	return {
		group: { id: group.id, name: group.name },
		access,
		canCreate: canCreateItems(access),
		timeZone,
		filter,
		items: rows.map((r) => itemView(r, canChangeItem(actor, access, r))).sort(byDue),
		seats: await seatsOf(db, groupId)
	};
}

/** The items made for one proposal or outcome, for its page; NOT_FOUND unless the actor may see
 * that proposal or outcome (a draft stays its author's and the moderators', as on its page). */
export async function linkedActionItems(db: Db, actor: Actor, link: ItemLink): Promise<LinkedActionItems> {
	const [groupId, linkWhere]: [string, Prisma.ActionItemWhereInput] =
		'proposalId' in link
			? [(await findProposal(db, actor, link.proposalId)).proposal.groupId, { proposalId: link.proposalId }]
			: [(await findOutcome(db, actor, link.outcomeId)).outcome.groupId, { outcomeId: link.outcomeId }];
	// The group's own rights, as on its list: whoever reads the group reads its items.
	const access = await groupAccess(db, actor, groupId);
	const rows = await db.actionItem.findMany({ where: { groupId, ...linkWhere }, include: itemInclude });
	return {
		groupId,
		canCreate: canCreateItems(access),
		items: rows.map((r) => itemView(r, canChangeItem(actor, access, r))).sort(byDue)
	};
}

/** One item, its whole history (newest first), and what the actor may do with it. */
export async function actionItemDetail(db: Db, actor: Actor, itemId: string) {
	const { access, canChange } = await itemAccess(db, actor, itemId);
	const row = await db.actionItem.findUniqueOrThrow({
		where: { id: itemId },
		include: { ...itemInclude, meeting: { select: { startsAt: true } }, createdBy: { select: { name: true } } }
	});
	const events = await db.actionItemEvent.findMany({
		where: { actionItemId: itemId },
		orderBy: { at: 'desc' },
		include: { byUser: { select: { name: true } } }
	});
	const history: HistoryEntry[] = events.map((e) => ({
		id: e.id,
		kind: e.kind,
		fromStatus: e.fromStatus,
		toStatus: e.toStatus,
		reason: e.reason,
		note: e.note,
		changes: e.changes ? (JSON.parse(e.changes) as HistoryEntry['changes']) : null,
		byName: e.byUser?.name ?? null,
		at: e.at.toISOString()
	}));
	return {
		item: itemView(row, canChange),
		meetingStartsAt: row.meeting?.startsAt.toISOString() ?? null,
		createdByName: row.createdBy?.name ?? null,
		canEdit: access.canModerate,
		seats: access.canModerate ? await seatsOf(db, row.groupId) : [],
		history
	};
}

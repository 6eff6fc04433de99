// How items are read from the database and shaped for the browser (shared/action-items.ts).
import type { Prisma } from '../../db/client';
import { DEFAULT_TIME_ZONE, type ActionItemView } from '../../../shared/action-items';

/** Everything a view needs, in one read: group name and zone, owner, the latest note. */
export const itemInclude = {
	group: { select: { name: true, series: { select: { timeZone: true } } } },
	owner: { select: { name: true } },
	events: {
		where: { note: { not: '' } },
		orderBy: { at: 'desc' },
		take: 1,
		select: { note: true, at: true, byUser: { select: { name: true } } }
	}
} as const satisfies Prisma.ActionItemInclude;

export type ItemRow = Prisma.ActionItemGetPayload<{ include: typeof itemInclude }>;

/** The zone a group's days are counted in: its series' zone, Tehran by default. */
export const zoneOf = (group: { series: { timeZone: string } | null }): string => group.series?.timeZone ?? DEFAULT_TIME_ZONE;

export function itemView(row: ItemRow, canChange: boolean): ActionItemView {
	const note = row.events[0];
	return {
		id: row.id,
		groupId: row.groupId,
		groupName: row.group.name,
		title: row.title,
		ownerPersonId: row.ownerPersonId,
		ownerName: row.owner.name,
		side: row.side,
		dueDate: row.dueDate,
		status: row.status,
		blockedReason: row.blockedReason,
		timeZone: zoneOf(row.group),
		meetingId: row.meetingId,
		agendaItemId: row.agendaItemId,
		decisionId: row.decisionId,
		proposalId: row.proposalId,
		outcomeId: row.outcomeId,
		lastNote: note ? { text: note.note, at: note.at.toISOString(), byName: note.byUser?.name ?? null } : null,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		doneAt: row.doneAt?.toISOString() ?? null,
		canChange
	};
}

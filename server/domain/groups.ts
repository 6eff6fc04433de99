// Reading groups: the dashboard's list and one group's six sides.
import type { Db } from '../db/client';
import { SIDES, type GroupRole, type Side } from '../../shared/sides';
import { groupAccess, type Actor } from './access';
import type { GroupDetail, MeetingRhythm } from '../../shared/groups';

export type { GroupDetail } from '../../shared/groups';

export interface GroupSummary {
	id: string;
	name: string;
	description: string;
	cadenceDays: number;
	rhythm: MeetingRhythm | null;
	role: GroupRole | null;
	side: Side | null;
	/** How many people sit on each side. */
	seats: Record<Side, number>;
}

const RHYTHM = { weekly: true, cadenceDays: true, firstStartsAt: true, timeZone: true } as const;

function rhythmOf(series: { weekly: boolean; cadenceDays: number; firstStartsAt: Date; timeZone: string } | null): MeetingRhythm | null {
	return series ? { ...series, firstStartsAt: series.firstStartsAt.toISOString() } : null;
}

const emptySeats = (): Record<Side, number> => Object.fromEntries(SIDES.map((s) => [s, 0])) as Record<Side, number>;

/** Groups the actor belongs to (every group of the organisation for an administrator). */
export async function groupsForActor(db: Db, actor: Actor): Promise<GroupSummary[]> {
	const groups = await db.group.findMany({
		where: {
			organisationId: actor.organisationId,
			...(actor.isAdmin ? {} : { memberships: { some: { personId: actor.personId ?? '' } } })
		},
		orderBy: { name: 'asc' },
		include: { memberships: { select: { personId: true, side: true, role: true } }, series: { select: RHYTHM } }
	});
	return groups.map((g) => {
		const seats = emptySeats();
		for (const m of g.memberships) seats[m.side] += 1;
		const mine = g.memberships.find((m) => m.personId === actor.personId);
		return {
			id: g.id,
			name: g.name,
			description: g.description,
			cadenceDays: g.cadenceDays,
			rhythm: rhythmOf(g.series),
			role: mine?.role ?? null,
			side: mine?.side ?? null,
			seats
		};
	});
}

/** One group with who sits on each side; NOT_FOUND unless the actor may read it. */
export async function groupDetail(db: Db, actor: Actor, groupId: string): Promise<GroupDetail> {
	const access = await groupAccess(db, actor, groupId);
	const group = await db.group.findUniqueOrThrow({
		where: { id: groupId },
		include: {
			memberships: { include: { person: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
			district: { select: { id: true, name: true } },
			fields: { select: { field: { select: { id: true, name: true, kind: true } } } },
			series: { select: RHYTHM }
		}
	});
	const sides = Object.fromEntries(SIDES.map((s) => [s, [] as GroupDetail['sides'][Side]])) as GroupDetail['sides'];
	for (const m of group.memberships) sides[m.side].push({ personId: m.personId, name: m.person.name, role: m.role });
	return {
		id: group.id,
		name: group.name,
		subject: group.subject,
		description: group.description,
		cadenceDays: group.cadenceDays,
		rhythm: rhythmOf(group.series),
		district: group.district,
		fields: group.fields.map((f) => f.field),
		access,
		sides
	};
}

// Seats in a group: moderators (and administrators) seat people from the databank on one
// of the six sides with a group role; only administrators appoint or remove moderators.
// Who may moderate comes from access.ts, the one place for group rights.
import { z } from 'zod';
import type { Db } from '../db/client';
import { GROUP_ROLES, SIDES, type GroupRole, type Side } from '../../shared/sides';
import { SIDE_ROLES } from '../../shared/databank';
import { groupAccess, type Actor, type GroupAccess } from './access';
import { DomainError } from './errors';
import { searchKey } from './persian';
import { parse } from './validation';

export const SeatInput = z.object({
	personId: z.string().min(1, 'required').max(40),
	side: z.enum(SIDES, 'required'),
	role: z.enum(GROUP_ROLES).default('MEMBER')
});
export type SeatInput = z.input<typeof SeatInput>;

/** The pure rule: may someone with these rights move a seat from one role to another
 * (null: no seat)? Moderators manage membership; moderators themselves are appointed and
 * removed by administrators only. */
export function seatChangeAllowed(
	access: Pick<GroupAccess, 'canModerate'>,
	isAdmin: boolean,
	from: GroupRole | null,
	to: GroupRole | null
): boolean {
	if (!access.canModerate) return false;
	if (isAdmin) return true;
	return from !== 'MODERATOR' && to !== 'MODERATOR';
}

async function moderate(db: Db, actor: Actor, groupId: string, from: GroupRole | null, to: GroupRole | null): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	if (!seatChangeAllowed(access, actor.isAdmin, from, to)) throw new DomainError('FORBIDDEN', 'may not change this seat');
}

async function currentSeat(db: Db, groupId: string, personId: string) {
	return db.membership.findUnique({ where: { groupId_personId: { groupId, personId } }, select: { role: true, side: true } });
}

/** Seats a person from the databank in the group. */
export async function seatMember(db: Db, actor: Actor, groupId: string, input: SeatInput): Promise<void> {
	const d = parse(SeatInput, input);
	await moderate(db, actor, groupId, null, d.role);
	const person = await db.person.findFirst({
		where: { id: d.personId, organisationId: actor.organisationId },
		select: { archivedAt: true }
	});
	if (!person) throw new DomainError('NOT_FOUND', 'person not found');
	if (person.archivedAt) throw new DomainError('CONFLICT', 'archived person', { personId: 'archived' });
	if (await currentSeat(db, groupId, d.personId)) throw new DomainError('CONFLICT', 'already seated', { personId: 'already_seated' });
	await db.membership.create({ data: { groupId, personId: d.personId, side: d.side, role: d.role } }).catch((e: { code?: string }) => {
		if (e?.code === 'P2002') throw new DomainError('CONFLICT', 'already seated', { personId: 'already_seated' });
		throw e;
	});
}

/** Moves a member to another side or role. */
export async function changeSeat(db: Db, actor: Actor, groupId: string, input: SeatInput): Promise<void> {
	const d = parse(SeatInput, input);
	const seat = await currentSeat(db, groupId, d.personId);
	// Checked before the seat lookup answers, so a stranger cannot probe who sits where.
	await moderate(db, actor, groupId, seat?.role ?? null, d.role);
	if (!seat) throw new DomainError('NOT_FOUND', 'not a member');
	await db.membership.update({ where: { groupId_personId: { groupId, personId: d.personId } }, data: { side: d.side, role: d.role } });
}

/** Removes a member's seat; their history (attendance, minutes) stays. */
export async function removeSeat(db: Db, actor: Actor, groupId: string, personId: string): Promise<void> {
	const seat = await currentSeat(db, groupId, personId);
	await moderate(db, actor, groupId, seat?.role ?? null, null);
	if (!seat) throw new DomainError('NOT_FOUND', 'not a member');
	await db.membership.delete({ where: { groupId_personId: { groupId, personId } } });
}

export interface Candidate {
	id: string;
	name: string;
	fields: string[];
	district: string | null;
	/** Shared fields with the group, for ranking and for the reader. */
	shared: number;
	inScope: boolean;
}

/** People to seat on a side: by default consenting, active people whose roles fit the side
 * and whose fields meet the group's, best overlap first; with `q`, anyone active whose name matches. */
export async function candidatesForSide(
	db: Db,
	actor: Actor,
	groupId: string,
	side: Side,
	options: { q?: string; limit?: number } = {}
): Promise<Candidate[]> {
	const access = await groupAccess(db, actor, groupId);
	if (!access.canModerate) throw new DomainError('FORBIDDEN', 'moderators find members');
	const group = await db.group.findUniqueOrThrow({
		where: { id: groupId },
		include: { fields: true, memberships: { select: { personId: true } } }
	});
	const groupFields = group.fields.map((f) => f.fieldId);
	const q = searchKey(options.q ?? '');
	const people = await db.person.findMany({
		where: {
			organisationId: actor.organisationId,
			archivedAt: null,
			id: { notIn: group.memberships.map((m) => m.personId) },
			...(q
				? { nameKey: { contains: q.replace(/\\/g, '') } }
				: {
						consent: true,
						roles: { some: { role: { in: [...SIDE_ROLES[side]] } } },
						...(groupFields.length ? { fields: { some: { fieldId: { in: groupFields } } } } : {})
					})
		},
		select: {
			id: true,
			name: true,
			districtId: true,
			district: { select: { name: true } },
			fields: { select: { field: { select: { id: true, name: true } } } }
		},
		take: 200
	});
	return people
		.map((p) => ({
			id: p.id,
			name: p.name,
			fields: p.fields.map((f) => f.field.name),
			district: p.district?.name ?? null,
			shared: p.fields.filter((f) => groupFields.includes(f.field.id)).length,
			inScope: !group.districtId || p.districtId === group.districtId
		}))
		.sort((a, b) => b.shared - a.shared || Number(b.inScope) - Number(a.inScope) || a.name.localeCompare(b.name, 'fa'))
		.slice(0, options.limit ?? 20);
}

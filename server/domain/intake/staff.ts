// Who is district staff: administrators name one district per account (or none).
import { z } from 'zod';
import type { Db } from '../../db/client';
import { requireAdministrator, type Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';

export const StaffInput = z.object({
	email: z.string().trim().toLowerCase().min(3, 'required').max(254),
	/** Empty: the account is no longer staff anywhere. */
	districtId: z.preprocess((v) => (v === '' ? null : v), z.string().max(40).nullable())
});

/** Makes an account of the organisation staff of one of its open districts, or of none. */
export async function setDistrictStaff(db: Db, actor: Actor, input: z.input<typeof StaffInput>): Promise<void> {
	requireAdministrator(actor);
	const data = parse(StaffInput, input);
	const user = await db.user.findFirst({ where: { email: data.email, organisationId: actor.organisationId }, select: { id: true } });
	if (!user) throw new DomainError('INVALID', 'no such account', { email: 'unknown' });
	if (data.districtId) {
		const ok = await db.district.count({ where: { id: data.districtId, organisationId: actor.organisationId, archivedAt: null } });
		if (!ok) throw new DomainError('INVALID', 'unknown district', { districtId: 'unknown' });
	}
	await db.user.update({ where: { id: user.id }, data: { staffDistrictId: data.districtId } });
}

/** The organisation's district staff, by district id. */
export async function districtStaff(db: Db, actor: Actor): Promise<Record<string, { name: string; email: string }[]>> {
	requireAdministrator(actor);
	const users = await db.user.findMany({
		where: { organisationId: actor.organisationId, staffDistrictId: { not: null } },
		select: { name: true, email: true, staffDistrictId: true },
		orderBy: { name: 'asc' }
	});
	const out: Record<string, { name: string; email: string }[]> = {};
	for (const u of users) (out[u.staffDistrictId!] ??= []).push({ name: u.name, email: u.email });
	return out;
}

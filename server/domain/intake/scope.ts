// District scoping of intake: district staff handle their one district's intake, the
// organisation's administrators every district's; nobody else sees any of it.
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { DomainError } from '../errors';

export type IntakeScope = { all: true; organisationId: string } | { all: false; organisationId: string; districtId: string };

/** The pure rule: the scope from the admin flag and the district the user is staff of. */
export function scopeFor(organisationId: string, isAdmin: boolean, staffDistrictId: string | null): IntakeScope | null {
	if (isAdmin) return { all: true, organisationId };
	return staffDistrictId ? { all: false, organisationId, districtId: staffDistrictId } : null;
}

/** Whether a scope covers an intake (or person) of this organisation and district. */
export function covers(scope: IntakeScope, record: { organisationId: string; districtId: string | null }): boolean {
	if (record.organisationId !== scope.organisationId) return false;
	return scope.all || record.districtId === scope.districtId;
}

/** The actor's intake scope, or null: read from their account, so a change of district
 * (or its removal) applies to their next request. An archived district has no staff. */
export async function intakeScope(db: Db, actor: Actor): Promise<IntakeScope | null> {
	if (actor.isAdmin) return scopeFor(actor.organisationId, true, null);
	const user = await db.user.findUnique({
		where: { id: actor.userId },
		select: { staffDistrict: { select: { id: true, organisationId: true, archivedAt: true } } }
	});
	const d = user?.staffDistrict;
	return d && d.organisationId === actor.organisationId && !d.archivedAt ? scopeFor(actor.organisationId, false, d.id) : null;
}

/** The scope, or FORBIDDEN for those who handle no intake. */
export async function requireIntakeScope(db: Db, actor: Actor): Promise<IntakeScope> {
	const scope = await intakeScope(db, actor);
	if (!scope) throw new DomainError('FORBIDDEN', 'district staff only');
	return scope;
}

/** The Prisma filter for the intake a scope covers. */
export const scopeWhere = (scope: IntakeScope) =>
	scope.all ? { organisationId: scope.organisationId } : { organisationId: scope.organisationId, districtId: scope.districtId };

// Linking: for a person or an idea, the people who complement it, ranked, each with a
// short reason. What one seeks, the other offers; capital, ideas and skills must also
// share a field; a job matches by skill or by district. Only consenting, active people
// are ever suggested.
import { z } from 'zod';
import type { Db } from '../../db/client';
import { Prisma } from '../../../prisma/generated/sqlite/client';
import { ECOSYSTEM_ROLES, EXCHANGES, type EcosystemRole, type Exchange, type MatchReason } from '../../../shared/databank';
import type { Actor } from '../access';
import { requireDatabankRight } from './access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import type { Scored, Suggestion } from '../../../shared/databank';

export type { Scored, Suggestion } from '../../../shared/databank';

/** What a role implies someone offers and seeks, beyond what they said themselves. */
export const IMPLIED: Record<EcosystemRole, { offers: Exchange[]; seeks: Exchange[] }> = {
	ENTREPRENEUR: { offers: ['JOB'], seeks: ['PARTNER'] },
	IDEA_OWNER: { offers: ['IDEA'], seeks: ['CAPITAL', 'SKILLS'] },
	CAPITAL_OWNER: { offers: ['CAPITAL'], seeks: ['IDEA'] },
	EXPERT: { offers: ['SKILLS'], seeks: [] },
	JOB_SEEKER: { offers: ['SKILLS'], seeks: ['JOB'] },
	AGENCY: { offers: [], seeks: [] },
	LEGAL: { offers: [], seeks: [] },
	MEDIA: { offers: [], seeks: [] },
	EXECUTOR: { offers: ['SKILLS'], seeks: [] }
};

export interface MatchProfile {
	id: string | null;
	fieldIds: string[];
	districtId: string | null;
	roles: EcosystemRole[];
	offers: Exchange[];
	seeks: Exchange[];
}

/** Offers and seeks, stated and implied by roles. */
export function effective(p: Pick<MatchProfile, 'roles' | 'offers' | 'seeks'>): { offers: Set<Exchange>; seeks: Set<Exchange> } {
	const offers = new Set(p.offers);
	const seeks = new Set(p.seeks);
	for (const r of p.roles) {
		IMPLIED[r].offers.forEach((k) => offers.add(k));
		IMPLIED[r].seeks.forEach((k) => seeks.add(k));
	}
	return { offers, seeks };
}

/** How well a candidate complements the subject, or null when they do not. Pure. */
export function scoreMatch(
	subject: MatchProfile,
	candidate: MatchProfile,
	names: { field(id: string): string; district(id: string): string }
): Scored | null {
	if (candidate.id !== null && candidate.id === subject.id) return null;
	const s = effective(subject);
	const c = effective(candidate);
	const shared = subject.fieldIds.filter((id) => candidate.fieldIds.includes(id));
	const sameDistrict = subject.districtId !== null && subject.districtId === candidate.districtId;
	// Capital, ideas, skills and partners only make sense within a field the subject works in.
	const fieldOk = subject.fieldIds.length === 0 || shared.length > 0;
	const ok = (kind: Exchange) => (kind === 'JOB' ? shared.length > 0 || sameDistrict || subject.fieldIds.length === 0 : fieldOk);
	const gives = EXCHANGES.filter((k) => s.seeks.has(k) && c.offers.has(k) && ok(k));
	const takes = EXCHANGES.filter((k) => c.seeks.has(k) && s.offers.has(k) && ok(k));
	if (gives.length + takes.length === 0) return null;
	const local = [...gives, ...takes].some((k) => k === 'JOB' || k === 'SKILLS');
	const score = 10 * gives.length + 6 * takes.length + 4 * Math.min(shared.length, 5) + (sameDistrict ? (local ? 5 : 2) : 0);
	const reasons: MatchReason[] = [
		...gives.map((kind) => ({ code: 'offers' as const, kind })),
		...takes.map((kind) => ({ code: 'seeks' as const, kind }))
	];
	if (shared.length) reasons.push({ code: 'fields', names: shared.slice(0, 3).map(names.field) });
	if (sameDistrict) reasons.push({ code: 'district', name: names.district(subject.districtId!) });
	return { score, reasons };
}

/** The most candidates scored for one request; the database pre-ranks by shared fields. */
const POOL = 300;

const quoted = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.raw(`'${v}'`)));

/** Ids of consenting, active people who could complement the subject, best field overlap first. */
async function candidateIds(db: Db, organisationId: string, subject: MatchProfile): Promise<string[]> {
	const { offers, seeks } = effective(subject);
	const wantOffer = EXCHANGES.filter((k) => seeks.has(k));
	const wantSeek = EXCHANGES.filter((k) => offers.has(k));
	if (wantOffer.length + wantSeek.length === 0) return [];
	// Everything interpolated below as raw SQL comes from the fixed enum lists, never from input.
	const roles = ECOSYSTEM_ROLES.filter((r) => IMPLIED[r].offers.some((k) => seeks.has(k)) || IMPLIED[r].seeks.some((k) => offers.has(k)));
	const exchange = Prisma.sql`EXISTS (SELECT 1 FROM "PersonExchange" e WHERE e."personId" = p."id" AND (${
		wantOffer.length ? Prisma.sql`(e."direction" = 'OFFER' AND e."kind" IN (${quoted(wantOffer)}))` : Prisma.sql`1 = 0`
	} OR ${wantSeek.length ? Prisma.sql`(e."direction" = 'SEEK' AND e."kind" IN (${quoted(wantSeek)}))` : Prisma.sql`1 = 0`}))`;
	const role = roles.length
		? Prisma.sql`EXISTS (SELECT 1 FROM "PersonRole" r WHERE r."personId" = p."id" AND r."role" IN (${quoted(roles)}))`
		: Prisma.sql`1 = 0`;
	const eligible = Prisma.sql`p."organisationId" = ${organisationId} AND p."consent" = true AND p."archivedAt" IS NULL AND p."id" <> ${subject.id ?? ''} AND (${exchange} OR ${role})`;
	const district = subject.districtId ?? '';

	if (subject.fieldIds.length) {
		const ranked = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
			SELECT p."id" AS id FROM "PersonField" pf JOIN "Person" p ON p."id" = pf."personId"
			WHERE pf."fieldId" IN (${Prisma.join(subject.fieldIds)}) AND ${eligible}
			GROUP BY p."id", p."districtId"
			ORDER BY COUNT(*) DESC, CASE WHEN p."districtId" = ${district} THEN 0 ELSE 1 END, p."id"
			LIMIT ${POOL}`);
		const ids = ranked.map((r) => r.id);
		// Jobs also match by district alone, without a shared skill.
		if (subject.districtId && (seeks.has('JOB') || offers.has('JOB'))) {
			const local = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
				SELECT p."id" AS id FROM "Person" p WHERE p."districtId" = ${district} AND ${eligible} LIMIT ${POOL / 2}`);
			ids.push(...local.map((r) => r.id));
		}
		return [...new Set(ids)];
	}
	const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
		SELECT p."id" AS id FROM "Person" p WHERE ${eligible}
		ORDER BY CASE WHEN p."districtId" = ${district} THEN 0 ELSE 1 END, p."id" LIMIT ${POOL}`);
	return rows.map((r) => r.id);
}

/** Scores the candidates and keeps the best `limit`. */
async function rank(db: Db, organisationId: string, subject: MatchProfile, limit: number): Promise<Suggestion[]> {
	const ids = await candidateIds(db, organisationId, subject);
	if (!ids.length) return [];
	const people = await db.person.findMany({
		where: { id: { in: ids } },
		select: {
			id: true,
			name: true,
			districtId: true,
			fields: { select: { fieldId: true } },
			roles: { select: { role: true } },
			exchanges: true
		}
	});
	const fieldIds = new Set([...subject.fieldIds]);
	const [fields, districts] = await Promise.all([
		db.field.findMany({ where: { id: { in: [...fieldIds] } }, select: { id: true, name: true } }),
		subject.districtId ? db.district.findMany({ where: { id: subject.districtId }, select: { id: true, name: true } }) : []
	]);
	const fieldName = new Map(fields.map((f) => [f.id, f.name]));
	const districtName = new Map(districts.map((d) => [d.id, d.name]));
	const names = { field: (id: string) => fieldName.get(id) ?? '', district: (id: string) => districtName.get(id) ?? '' };
	const out: Suggestion[] = [];
	for (const p of people) {
		const scored = scoreMatch(subject, toProfile(p), names);
		if (scored) out.push({ person: { id: p.id, name: p.name }, ...scored });
	}
	return out.sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name, 'fa')).slice(0, limit);
}

function toProfile(p: {
	id: string;
	districtId: string | null;
	fields: { fieldId: string }[];
	roles: { role: EcosystemRole }[];
	exchanges: { direction: 'OFFER' | 'SEEK'; kind: Exchange }[];
}): MatchProfile {
	return {
		id: p.id,
		districtId: p.districtId,
		fieldIds: p.fields.map((f) => f.fieldId),
		roles: p.roles.map((r) => r.role),
		offers: p.exchanges.filter((e) => e.direction === 'OFFER').map((e) => e.kind),
		seeks: p.exchanges.filter((e) => e.direction === 'SEEK').map((e) => e.kind)
	};
}

/** People who complement a person in the databank (administrators and moderators). */
export async function suggestForPerson(db: Db, actor: Actor, personId: string, limit = 10): Promise<Suggestion[]> {
	await requireDatabankRight(db, actor, 'link');
	const p = await db.person.findFirst({
		where: { id: personId, organisationId: actor.organisationId },
		select: { id: true, districtId: true, fields: { select: { fieldId: true } }, roles: { select: { role: true } }, exchanges: true }
	});
	if (!p) throw new DomainError('NOT_FOUND', 'person not found');
	return rank(db, actor.organisationId, toProfile(p), limit);
}

export const IdeaInput = z.object({
	fieldIds: z.array(z.string().max(40)).min(1, 'required').max(20),
	districtId: z.preprocess((v) => (v === '' ? null : v), z.string().max(40).nullable().default(null)),
	seeks: z.array(z.enum(EXCHANGES)).min(1, 'required').default(['CAPITAL', 'SKILLS'])
});
export type IdeaInput = z.input<typeof IdeaInput>;

/** People who could carry an idea forward: capital and expertise in its fields by default. */
export async function suggestForIdea(db: Db, actor: Actor, input: IdeaInput, limit = 10): Promise<Suggestion[]> {
	await requireDatabankRight(db, actor, 'link');
	const idea = parse(IdeaInput, input);
	return rank(
		db,
		actor.organisationId,
		{ id: null, fieldIds: idea.fieldIds, districtId: idea.districtId, roles: [], offers: ['IDEA'], seeks: idea.seeks },
		limit
	);
}

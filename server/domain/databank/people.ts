// The databank's people: create, edit, archive, merge duplicates, read a profile.
// People are never deleted: minutes, attendance and introductions keep pointing at them.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { ECOSYSTEM_ROLES, EXCHANGES, type EcosystemRole, type Exchange } from '../../../shared/databank';
import type { GroupRole, Side } from '../../../shared/sides';
import type { Actor } from '../access';
import {
	databankRights,
	mayView,
	personRecordSelect,
	requireDatabankRight,
	viewPerson,
	type PersonRecord,
	type PersonView
} from './access';
import { DomainError } from '../errors';
import { personSearchText, searchKey, sortKey } from '../persian';
import { parse } from '../validation';
import type { IntroductionItem } from '../../../shared/databank';

export type { IntroductionItem } from '../../../shared/databank';

/** Client-side ids for bulk inserts (createMany returns no ids); cuid-like, URL-safe. */
export const newId = (): string =>
	'c' +
	BigInt('0x' + randomBytes(15).toString('hex'))
		.toString(36)
		.padStart(24, '0')
		.slice(0, 24);

const nullIfEmpty = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** A phone number as people write it: digits in any script, spaces, dashes, brackets, a leading +. */
export const PHONE = /^\+?[0-9\u06F0-\u06F9\u0660-\u0669][0-9\u06F0-\u06F9\u0660-\u0669 ()-]{3,29}$/;

export const PersonInput = z.object({
	name: z.string().trim().min(1, 'required').max(200, 'too_long'),
	email: z.preprocess(
		(v) => (typeof v === 'string' ? nullIfEmpty(v.toLowerCase()) : (v ?? null)),
		z.email('invalid_email').max(254, 'too_long').nullable()
	),
	phone: z.preprocess(nullIfEmpty, z.string().regex(PHONE, 'invalid_phone').nullable()),
	districtId: z.preprocess(nullIfEmpty, z.string().max(40).nullable()),
	fieldIds: z.array(z.string().max(40)).max(50, 'too_many').default([]).transform(unique),
	roles: z.array(z.enum(ECOSYSTEM_ROLES)).default([]).transform(unique),
	offers: z.array(z.enum(EXCHANGES)).default([]).transform(unique),
	seeks: z.array(z.enum(EXCHANGES)).default([]).transform(unique),
	bio: z.string().trim().max(2000, 'too_long').default(''),
	consent: z.boolean().default(false)
});
/** What a caller passes; PersonInput's schema decides what is valid. */
export interface PersonInput {
	name: string;
	email?: string | null;
	phone?: string | null;
	districtId?: string | null;
	fieldIds?: string[];
	roles?: EcosystemRole[];
	offers?: Exchange[];
	seeks?: Exchange[];
	bio?: string;
	consent?: boolean;
}
export type PersonData = z.output<typeof PersonInput>;

/** The scalar columns and join rows of a person, computed once for create, edit and import. */
export function personRows(id: string, organisationId: string, d: PersonData) {
	return {
		person: {
			id,
			organisationId,
			name: d.name,
			email: d.email,
			phone: d.phone,
			districtId: d.districtId,
			bio: d.bio,
			consent: d.consent,
			nameKey: searchKey(d.name),
			sortKey: sortKey(d.name),
			searchText: personSearchText(d)
		},
		fields: d.fieldIds.map((fieldId) => ({ personId: id, fieldId })),
		roles: d.roles.map((role) => ({ personId: id, role })),
		exchanges: [
			...d.offers.map((kind) => ({ personId: id, direction: 'OFFER' as const, kind })),
			...d.seeks.map((kind) => ({ personId: id, direction: 'SEEK' as const, kind }))
		]
	};
}

/** Districts and fields must be the organisation's own and not archived, unless the person already had them. */
async function checkReferences(
	db: Db,
	organisationId: string,
	d: PersonData,
	current?: { id: string; districtId: string | null; fieldIds: string[] }
) {
	const errors: Record<string, string> = {};
	if (d.districtId && d.districtId !== current?.districtId) {
		const ok = await db.district.count({ where: { id: d.districtId, organisationId, archivedAt: null } });
		if (!ok) errors.districtId = 'unknown';
	}
	const added = d.fieldIds.filter((id) => !current?.fieldIds.includes(id));
	if (added.length) {
		const ok = await db.field.count({ where: { id: { in: added }, organisationId, archivedAt: null } });
		if (ok !== added.length) errors.fieldIds = 'unknown';
	}
	if (d.email) {
		const other = await db.person.findUnique({ where: { organisationId_email: { organisationId, email: d.email } }, select: { id: true } });
		if (other && other.id !== current?.id) errors.email = 'taken';
	}
	if (Object.keys(errors).length)
		throw new DomainError(errors.email && Object.keys(errors).length === 1 ? 'CONFLICT' : 'INVALID', 'invalid person', errors);
}

/** A unique-constraint race (two saves of one email at once) reads as the same CONFLICT. */
function mapUniqueEmail(e: unknown): never {
	if (typeof e === 'object' && e && 'code' in e && (e as { code: string }).code === 'P2002')
		throw new DomainError('CONFLICT', 'email taken', { email: 'taken' });
	throw e;
}

/** Adds a person to the databank (administrators). */
export async function createPerson(db: Db, actor: Actor, input: PersonInput): Promise<{ id: string }> {
	await requireDatabankRight(db, actor, 'manage');
	const data = parse(PersonInput, input);
	await checkReferences(db, actor.organisationId, data);
	const rows = personRows(newId(), actor.organisationId, data);
	await db
		.$transaction(async (tx) => {
			await tx.person.create({ data: rows.person });
			await tx.personField.createMany({ data: rows.fields });
			await tx.personRole.createMany({ data: rows.roles });
			await tx.personExchange.createMany({ data: rows.exchanges });
		})
		.catch(mapUniqueEmail);
	return { id: rows.person.id };
}

/** Replaces a person's details (administrators). */
export async function updatePerson(db: Db, actor: Actor, id: string, input: PersonInput): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	const data = parse(PersonInput, input);
	const current = await db.person.findFirst({
		where: { id, organisationId: actor.organisationId },
		select: { id: true, districtId: true, mergedIntoId: true, fields: { select: { fieldId: true } } }
	});
	if (!current) throw new DomainError('NOT_FOUND', 'person not found');
	if (current.mergedIntoId) throw new DomainError('CONFLICT', 'merged person', { form: 'merged' });
	await checkReferences(db, actor.organisationId, data, { ...current, fieldIds: current.fields.map((f) => f.fieldId) });
	const { person, fields, roles, exchanges } = personRows(id, actor.organisationId, data);
	const { id: _id, organisationId: _org, ...scalars } = person;
	await db
		.$transaction(async (tx) => {
			await tx.person.update({ where: { id }, data: scalars });
			await tx.personField.deleteMany({ where: { personId: id } });
			await tx.personField.createMany({ data: fields });
			await tx.personRole.deleteMany({ where: { personId: id } });
			await tx.personRole.createMany({ data: roles });
			await tx.personExchange.deleteMany({ where: { personId: id } });
			await tx.personExchange.createMany({ data: exchanges });
		})
		.catch(mapUniqueEmail);
}

/** Fills the derived columns (search text, name key, sort key) of people written before
 * they existed or by code that skipped them; cheap when there is nothing to do. */
export async function backfillPersonKeys(db: Db): Promise<number> {
	let done = 0;
	for (;;) {
		const batch = await db.person.findMany({
			where: { sortKey: '', name: { not: '' } },
			select: { id: true, name: true, email: true, phone: true, bio: true },
			take: 500
		});
		if (!batch.length) return done;
		await db.$transaction(
			batch.map((p) =>
				db.person.update({
					where: { id: p.id },
					data: { nameKey: searchKey(p.name), sortKey: sortKey(p.name) || ' ', searchText: personSearchText(p) }
				})
			)
		);
		done += batch.length;
	}
}

/** Archives (or restores) a person: they leave searches and suggestions but stay in every record. */
export async function setPersonArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	const p = await db.person.findFirst({ where: { id, organisationId: actor.organisationId }, select: { mergedIntoId: true } });
	if (!p) throw new DomainError('NOT_FOUND', 'person not found');
	if (!archived && p.mergedIntoId) throw new DomainError('CONFLICT', 'a merged duplicate stays archived', { form: 'merged' });
	await db.person.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
}

/** Merges a duplicate into the person to keep: seats, classification, offers and seeks,
 * introductions, action items, outcomes they execute, proposal links and the account move over; blanks are filled from the duplicate; the
 * duplicate stays, archived, pointing at the kept record, so old records still resolve. */
export async function mergePeople(db: Db, actor: Actor, keepId: string, duplicate: string): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	// The duplicate may be named by its record id or by its email.
	const ref = duplicate.trim();
	const byEmail = ref.includes('@')
		? await db.person.findUnique({
				where: { organisationId_email: { organisationId: actor.organisationId, email: ref.toLowerCase() } },
				select: { id: true }
			})
		: null;
	if (ref.includes('@') && !byEmail) throw new DomainError('INVALID', 'no one with this email', { duplicateId: 'unknown' });
	const duplicateId = byEmail?.id ?? ref;
	if (keepId === duplicateId) throw new DomainError('INVALID', 'cannot merge a person into themselves', { duplicateId: 'same' });
	const load = (id: string) =>
		db.person.findFirst({
			where: { id, organisationId: actor.organisationId },
			include: { fields: true, roles: true, exchanges: true, memberships: true, user: { select: { id: true } } }
		});
	const [keep, dup] = await Promise.all([load(keepId), load(duplicateId)]);
	if (!keep || !dup) throw new DomainError('NOT_FOUND', 'person not found');
	if (keep.mergedIntoId || dup.mergedIntoId) throw new DomainError('CONFLICT', 'already merged', { duplicateId: 'merged' });
	if (keep.user && dup.user) throw new DomainError('CONFLICT', 'both people have accounts', { duplicateId: 'two_accounts' });

	await db.$transaction(async (tx) => {
		const keptGroups = new Set(keep.memberships.map((m) => m.groupId));
		for (const m of dup.memberships) {
			// Where both sat in one group, the kept person's seat stands.
			if (keptGroups.has(m.groupId)) await tx.membership.delete({ where: { id: m.id } });
			else await tx.membership.update({ where: { id: m.id }, data: { personId: keepId } });
		}
		const haveField = new Set(keep.fields.map((f) => f.fieldId));
		await tx.personField.createMany({
			data: dup.fields.filter((f) => !haveField.has(f.fieldId)).map((f) => ({ personId: keepId, fieldId: f.fieldId }))
		});
		const haveRole = new Set(keep.roles.map((r) => r.role));
		await tx.personRole.createMany({
			data: dup.roles.filter((r) => !haveRole.has(r.role)).map((r) => ({ personId: keepId, role: r.role }))
		});
		const haveEx = new Set(keep.exchanges.map((e) => `${e.direction}:${e.kind}`));
		await tx.personExchange.createMany({
			data: dup.exchanges
				.filter((e) => !haveEx.has(`${e.direction}:${e.kind}`))
				.map((e) => ({ personId: keepId, direction: e.direction, kind: e.kind }))
		});
		// An introduction between the two records of one person means nothing any more.
		await tx.introduction.deleteMany({
			where: {
				OR: [
					{ personId: keepId, toPersonId: duplicateId },
					{ personId: duplicateId, toPersonId: keepId }
				]
			}
		});
		await tx.introduction.updateMany({ where: { personId: duplicateId }, data: { personId: keepId } });
		await tx.introduction.updateMany({ where: { toPersonId: duplicateId }, data: { toPersonId: keepId } });
		// The work follows the person: the action items they own, the outcomes they
		// execute, and their place on proposals (where the kept record is not already there).
		await tx.actionItem.updateMany({ where: { ownerPersonId: duplicateId }, data: { ownerPersonId: keepId } });
		await tx.outcome.updateMany({ where: { executorPersonId: duplicateId }, data: { executorPersonId: keepId } });
		const keptLinks = await tx.proposalPerson.findMany({ where: { personId: keepId } });
		const linked = new Set(keptLinks.map((l) => `${l.proposalId}:${l.role}`));
		const dupLinks = await tx.proposalPerson.findMany({ where: { personId: duplicateId } });
		await tx.proposalPerson.createMany({
			data: dupLinks.filter((l) => !linked.has(`${l.proposalId}:${l.role}`)).map((l) => ({ ...l, personId: keepId }))
		});
		await tx.proposalPerson.deleteMany({ where: { personId: duplicateId } });
		if (dup.user && !keep.user) {
			await tx.user.update({ where: { id: dup.user.id }, data: { personId: null } });
			await tx.user.update({ where: { id: dup.user.id }, data: { personId: keepId } });
		}
		const filled = {
			email: keep.email ?? dup.email,
			phone: keep.phone ?? dup.phone,
			districtId: keep.districtId ?? dup.districtId,
			bio: keep.bio || dup.bio
		};
		// The email is unique per organisation: free it on the duplicate before the kept record takes it.
		await tx.person.update({
			where: { id: duplicateId },
			data: { archivedAt: dup.archivedAt ?? new Date(), mergedIntoId: keepId, email: null }
		});
		await tx.person.update({
			where: { id: keepId },
			data: { ...filled, searchText: personSearchText({ name: keep.name, ...filled }) }
		});
	});
}

export interface PersonProfile {
	person: PersonView;
	rights: { link: boolean; manage: boolean };
	/** Present for readers who see details. */
	seats?: { groupId: string; groupName: string; side: Side; role: GroupRole }[];
	introductions?: IntroductionItem[];
	mergedInto?: { id: string; name: string } | null;
	/** Administrators: whether the person has an account (else they may invite them to one). */
	account?: { exists: boolean };
	/** Likely duplicates (same name once normalised); administrators only. */
	duplicates?: { id: string; name: string; email: string | null }[];
}

/** A person's profile as the actor may see it; NOT_FOUND when they may not see them at all. */
export async function personProfile(db: Db, actor: Actor, id: string): Promise<PersonProfile> {
	const rights = await databankRights(db, actor);
	const record = (await db.person.findFirst({
		where: { id, organisationId: actor.organisationId },
		select: { ...personRecordSelect, nameKey: true, mergedInto: { select: { id: true, name: true } } }
	})) as (PersonRecord & { nameKey: string; mergedInto: { id: string; name: string } | null }) | null;
	if (!record || !mayView(rights, record)) throw new DomainError('NOT_FOUND', 'person not found');
	const profile: PersonProfile = { person: viewPerson(rights, record), rights: { link: rights.link, manage: rights.manage } };
	if (!rights.seeDetails) return profile;

	const [seats, intros] = await Promise.all([
		db.membership.findMany({
			where: { personId: id },
			select: { groupId: true, side: true, role: true, group: { select: { name: true } } }
		}),
		db.introduction.findMany({
			where: { OR: [{ personId: id }, { toPersonId: id }] },
			orderBy: { createdAt: 'desc' },
			include: {
				person: { select: { id: true, name: true } },
				toPerson: { select: { id: true, name: true } },
				byUser: { select: { name: true } },
				events: { orderBy: { at: 'asc' }, include: { byUser: { select: { name: true } } } }
			}
		})
	]);
	profile.seats = seats.map((s) => ({ groupId: s.groupId, groupName: s.group.name, side: s.side, role: s.role }));
	profile.introductions = intros.map((i) => ({
		id: i.id,
		other: i.personId === id ? i.toPerson : i.person,
		direction: i.personId === id ? 'to' : 'from',
		status: i.status,
		note: i.note,
		by: i.byUser?.name ?? null,
		createdAt: i.createdAt,
		history: i.events.map((e) => ({ status: e.status, by: e.byUser?.name ?? null, at: e.at }))
	}));
	profile.mergedInto = record.mergedInto;
	if (actor.isAdmin) profile.account = { exists: (await db.user.findUnique({ where: { personId: id }, select: { id: true } })) !== null };
	if (rights.manage) {
		profile.duplicates = await db.person.findMany({
			where: { organisationId: actor.organisationId, nameKey: record.nameKey, id: { not: id }, mergedIntoId: null },
			select: { id: true, name: true, email: true },
			take: 5
		});
	}
	return profile;
}

/** A person's editable values, for the edit form (administrators). */
export async function personForEdit(db: Db, actor: Actor, id: string): Promise<PersonData & { id: string }> {
	await requireDatabankRight(db, actor, 'manage');
	const p = await db.person.findFirst({ where: { id, organisationId: actor.organisationId }, select: personRecordSelect });
	if (!p) throw new DomainError('NOT_FOUND', 'person not found');
	return {
		id: p.id,
		name: p.name,
		email: p.email,
		phone: p.phone,
		districtId: p.district?.id ?? null,
		fieldIds: p.fields.map((f) => f.field.id),
		roles: p.roles.map((r) => r.role),
		offers: p.exchanges.filter((e) => e.direction === 'OFFER').map((e) => e.kind),
		seeks: p.exchanges.filter((e) => e.direction === 'SEEK').map((e) => e.kind),
		bio: p.bio,
		consent: p.consent
	};
}

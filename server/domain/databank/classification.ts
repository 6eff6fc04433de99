// The managed lists: districts and the classification (sectors and skills). Administrators
// add, rename and archive terms; archived terms stay on the people who carry them but are
// not offered for new entries. Terms are never deleted, so history keeps its words.
import { z } from 'zod';
import type { Db } from '../../db/client';
import { FIELD_KINDS, type FieldKind } from '../../../shared/databank';
import type { Actor } from '../access';
import { requireDatabankRight } from './access';
import { DomainError } from '../errors';
import { normalizeText } from '../persian';
import { parse } from '../validation';
import type { DistrictItem, FieldItem } from '../../../shared/databank';

export type { DistrictItem, FieldItem } from '../../../shared/databank';

const ALPHABETICAL = new Intl.Collator('fa');

export const DistrictInput = z.object({
	name: z.string().trim().min(1, 'required').max(100, 'too_long'),
	number: z.coerce.number().int('invalid').min(1, 'invalid').max(999, 'invalid').nullable()
});
export type DistrictInput = z.input<typeof DistrictInput>;

export const FieldInput = z.object({
	kind: z.enum(FIELD_KINDS),
	name: z.string().trim().min(1, 'required').max(100, 'too_long')
});
export type FieldInput = z.input<typeof FieldInput>;

/** The organisation's districts, by number then name. */
export async function listDistricts(db: Db, organisationId: string, options: { includeArchived?: boolean } = {}): Promise<DistrictItem[]> {
	const rows = await db.district.findMany({
		where: { organisationId, ...(options.includeArchived ? {} : { archivedAt: null }) },
		orderBy: [{ number: 'asc' }]
	});
	rows.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || ALPHABETICAL.compare(a.name, b.name));
	return rows.map((d) => ({ id: d.id, number: d.number, name: d.name, archived: d.archivedAt !== null }));
}

/** The classification, sectors first, each list by name. */
export async function listFields(
	db: Db,
	organisationId: string,
	options: { includeArchived?: boolean; kind?: FieldKind } = {}
): Promise<FieldItem[]> {
	const rows = await db.field.findMany({
		where: { organisationId, ...(options.kind ? { kind: options.kind } : {}), ...(options.includeArchived ? {} : { archivedAt: null }) }
	});
	// A short list: sorted here, in Persian alphabetical order (the database sorts by code point).
	return rows
		.sort((a, b) => a.kind.localeCompare(b.kind) || ALPHABETICAL.compare(a.name, b.name))
		.map((f) => ({ id: f.id, kind: f.kind, name: f.name, archived: f.archivedAt !== null }));
}

/** Every district, archived ones too, for the administrators who manage the list. */
export async function managedDistricts(db: Db, actor: Actor): Promise<DistrictItem[]> {
	await requireDatabankRight(db, actor, 'manage');
	return listDistricts(db, actor.organisationId, { includeArchived: true });
}

/** The whole classification, archived terms too, for the administrators who manage it. */
export async function managedFields(db: Db, actor: Actor): Promise<FieldItem[]> {
	await requireDatabankRight(db, actor, 'manage');
	return listFields(db, actor.organisationId, { includeArchived: true });
}

async function assertDistrictNameFree(db: Db, organisationId: string, name: string, exceptId?: string) {
	const key = normalizeText(name);
	const same = (await db.district.findMany({ where: { organisationId }, select: { id: true, name: true } })).find(
		(d) => d.id !== exceptId && normalizeText(d.name) === key
	);
	if (same) throw new DomainError('CONFLICT', 'district name taken', { name: 'taken' });
}

export async function createDistrict(db: Db, actor: Actor, input: DistrictInput): Promise<DistrictItem> {
	await requireDatabankRight(db, actor, 'manage');
	const data = parse(DistrictInput, input);
	await assertDistrictNameFree(db, actor.organisationId, data.name);
	const d = await db.district.create({ data: { organisationId: actor.organisationId, name: data.name, number: data.number } });
	return { id: d.id, number: d.number, name: d.name, archived: false };
}

export async function updateDistrict(db: Db, actor: Actor, id: string, input: DistrictInput): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	const data = parse(DistrictInput, input);
	await ownDistrict(db, actor, id);
	await assertDistrictNameFree(db, actor.organisationId, data.name, id);
	await db.district.update({ where: { id }, data: { name: data.name, number: data.number } });
}

export async function setDistrictArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	await ownDistrict(db, actor, id);
	await db.district.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
}

export async function createField(db: Db, actor: Actor, input: FieldInput): Promise<FieldItem> {
	await requireDatabankRight(db, actor, 'manage');
	const data = parse(FieldInput, input);
	const nameKey = normalizeText(data.name);
	const existing = await db.field.findUnique({
		where: { organisationId_kind_nameKey: { organisationId: actor.organisationId, kind: data.kind, nameKey } }
	});
	if (existing) throw new DomainError('CONFLICT', 'field exists', { name: 'taken' });
	const f = await db.field.create({ data: { organisationId: actor.organisationId, kind: data.kind, name: data.name, nameKey } });
	return { id: f.id, kind: f.kind, name: f.name, archived: false };
}

export async function renameField(db: Db, actor: Actor, id: string, name: string): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	const field = await ownField(db, actor, id);
	const data = parse(FieldInput, { kind: field.kind, name });
	const nameKey = normalizeText(data.name);
	const clash = await db.field.findFirst({ where: { organisationId: actor.organisationId, kind: field.kind, nameKey, id: { not: id } } });
	if (clash) throw new DomainError('CONFLICT', 'field exists', { name: 'taken' });
	await db.field.update({ where: { id }, data: { name: data.name, nameKey } });
}

export async function setFieldArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<void> {
	await requireDatabankRight(db, actor, 'manage');
	await ownField(db, actor, id);
	await db.field.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
}

async function ownDistrict(db: Db, actor: Actor, id: string) {
	const d = await db.district.findFirst({ where: { id, organisationId: actor.organisationId } });
	if (!d) throw new DomainError('NOT_FOUND', 'district not found');
	return d;
}

async function ownField(db: Db, actor: Actor, id: string) {
	const f = await db.field.findFirst({ where: { id, organisationId: actor.organisationId } });
	if (!f) throw new DomainError('NOT_FOUND', 'field not found');
	return f;
}

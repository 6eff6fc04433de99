// Creating and editing working groups: administrators only. A group has a subject, a
// description, a district scope (none for the whole city), fields, and a cadence.
import { z } from 'zod';
import type { Db } from '../db/client';
import { requireAdministrator, type Actor } from './access';
import { DomainError } from './errors';
import { parse } from './validation';

export const GroupInput = z.object({
	name: z.string().trim().min(1, 'required').max(200, 'too_long'),
	subject: z.string().trim().max(300, 'too_long').default(''),
	description: z.string().trim().max(4000, 'too_long').default(''),
	districtId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().max(40).nullable()),
	fieldIds: z
		.array(z.string().max(40))
		.max(30, 'too_many')
		.default([])
		.transform((xs) => [...new Set(xs)]),
	cadenceDays: z.coerce.number().int('invalid').min(1, 'invalid').max(365, 'invalid').default(15)
});
export type GroupInput = z.input<typeof GroupInput>;
export type GroupData = z.output<typeof GroupInput>;

async function checkReferences(db: Db, organisationId: string, d: GroupData) {
	const errors: Record<string, string> = {};
	if (d.districtId && !(await db.district.count({ where: { id: d.districtId, organisationId } }))) errors.districtId = 'unknown';
	if (d.fieldIds.length && (await db.field.count({ where: { id: { in: d.fieldIds }, organisationId } })) !== d.fieldIds.length)
		errors.fieldIds = 'unknown';
	if (Object.keys(errors).length) throw new DomainError('INVALID', 'invalid group', errors);
}

/** Creates a group (administrators). */
export async function createGroup(db: Db, actor: Actor, input: GroupInput): Promise<{ id: string }> {
	requireAdministrator(actor);
	const d = parse(GroupInput, input);
	await checkReferences(db, actor.organisationId, d);
	return db.group.create({
		data: {
			organisationId: actor.organisationId,
			name: d.name,
			subject: d.subject,
			description: d.description,
			districtId: d.districtId,
			cadenceDays: d.cadenceDays,
			fields: { create: d.fieldIds.map((fieldId) => ({ fieldId })) }
		},
		select: { id: true }
	});
}

/** Replaces a group's description, scope, fields and cadence (administrators). */
export async function updateGroup(db: Db, actor: Actor, groupId: string, input: GroupInput): Promise<void> {
	requireAdministrator(actor);
	const d = parse(GroupInput, input);
	if (!(await db.group.count({ where: { id: groupId, organisationId: actor.organisationId } })))
		throw new DomainError('NOT_FOUND', 'group not found');
	await checkReferences(db, actor.organisationId, d);
	await db.$transaction([
		db.group.update({
			where: { id: groupId },
			data: { name: d.name, subject: d.subject, description: d.description, districtId: d.districtId, cadenceDays: d.cadenceDays }
		}),
		db.groupField.deleteMany({ where: { groupId } }),
		db.groupField.createMany({ data: d.fieldIds.map((fieldId) => ({ groupId, fieldId })) })
	]);
}

/** A group's editable values (administrators). */
export async function groupForEdit(db: Db, actor: Actor, groupId: string): Promise<GroupData & { id: string }> {
	requireAdministrator(actor);
	const g = await db.group.findFirst({ where: { id: groupId, organisationId: actor.organisationId }, include: { fields: true } });
	if (!g) throw new DomainError('NOT_FOUND', 'group not found');
	return {
		id: g.id,
		name: g.name,
		subject: g.subject,
		description: g.description,
		districtId: g.districtId,
		fieldIds: g.fields.map((f) => f.fieldId),
		cadenceDays: g.cadenceDays
	};
}

// A fresh, migrated SQLite database for domain tests, with an organisation, districts, a
// classification and one actor of each kind (administrator, moderator, member, observer,
// stranger) backed by real User rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { normalizeText } from '../../server/domain/persian';
import { createPerson, type PersonInput } from '../../server/domain/databank/people';

export interface Fixture {
	database: Database;
	db: Db;
	organisationId: string;
	districts: Record<'d1' | 'd2' | 'd3', string>;
	/** Field ids by name. */
	fields: Record<string, string>;
	groupId: string;
	actors: Record<'admin' | 'moderator' | 'member' | 'observer' | 'stranger', Actor>;
	/** Adds a person through the domain, as the administrator. */
	person(input: Partial<PersonInput> & { name: string }): Promise<string>;
	dispose(): Promise<void>;
}

export const SECTORS = ['صنایع دستی', 'گردشگری', 'مواد غذایی'];
export const SKILLS = ['بازاریابی', 'حسابداری', 'طراحی'];

export async function databankFixture(): Promise<Fixture> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rahkar-unit-'));
	const database = await openDatabase(`file:${path.join(dir, 'unit.db')}`);
	const { db } = database;
	const org = await db.organisation.create({ data: { name: 'test' } });
	const district = (number: number) => db.district.create({ data: { organisationId: org.id, number, name: `منطقه ${number}` } });
	const [d1, d2, d3] = await Promise.all([district(1), district(2), district(3)]);
	const fields: Record<string, string> = {};
	for (const [kind, names] of [
		['SECTOR', SECTORS],
		['SKILL', SKILLS]
	] as const) {
		for (const name of names)
			fields[name] = (await db.field.create({ data: { organisationId: org.id, kind, name, nameKey: normalizeText(name) } })).id;
	}
	const group = await db.group.create({
		data: { organisationId: org.id, name: 'کارگروه آزمایشی', fields: { create: [{ fieldId: fields['صنایع دستی'] }] } }
	});

	const actor = async (name: string, isAdmin: boolean, seat?: { role: 'MODERATOR' | 'MEMBER' | 'OBSERVER' }): Promise<Actor> => {
		const person = seat
			? await db.person.create({ data: { organisationId: org.id, name, nameKey: normalizeText(name), consent: true } })
			: null;
		if (seat && person) await db.membership.create({ data: { groupId: group.id, personId: person.id, side: 'EXPERT', role: seat.role } });
		const user = await db.user.create({
			data: { organisationId: org.id, name, email: `${name}@test.example`, isAdmin, personId: person?.id ?? null }
		});
		return { userId: user.id, organisationId: org.id, personId: person?.id ?? null, isAdmin };
	};
	const actors = {
		admin: await actor('admin', true),
		moderator: await actor('moderator', false, { role: 'MODERATOR' }),
		member: await actor('member', false, { role: 'MEMBER' }),
		observer: await actor('observer', false, { role: 'OBSERVER' }),
		stranger: await actor('stranger', false)
	};
	return {
		database,
		db,
		organisationId: org.id,
		districts: { d1: d1.id, d2: d2.id, d3: d3.id },
		fields,
		groupId: group.id,
		actors,
		person: async (input) => (await createPerson(db, actors.admin, { consent: true, ...input })).id,
		async dispose() {
			await database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

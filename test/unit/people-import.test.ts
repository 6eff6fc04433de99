// CSV import and export: checked in full first, written all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exportPeople, importPeople } from '../../server/domain/databank/csv-import-export';
import { searchPeople } from '../../server/domain/databank/search';
import { hasDetails } from '../../server/domain/databank/access';
import { sortKey } from '../../server/domain/persian';
import { insertRows, isUniqueViolation } from '../../server/db/bulk-insert';
import { databankFixture, type Fixture } from '../support/databank-fixture';

const HEADER = 'name,email,phone,district,sectors,skills,roles,offers,seeks,bio,consent';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

let f: Fixture;
beforeAll(async () => {
	f = await databankFixture();
});
afterAll(() => f.dispose());

const count = () => f.db.person.count({ where: { organisationId: f.organisationId } });

describe('CSV import', () => {
	it('imports a good file, with lists, labels and districts by number or name', async () => {
		const before = await count();
		const file = csv(
			'Ali Rezaei,ali@import.example,0912 111 2222,1,صنایع دستی; گردشگری,طراحی,IDEA_OWNER; entrepreneur,idea,capital,Potter,yes',
			'"Karimi, Zahra",zahra@import.example,,منطقه 2,,بازاریابی,investor,CAPITAL,IDEA,,no'
		);
		const dry = await importPeople(f.db, f.actors.admin, file, { dryRun: true });
		expect(dry).toMatchObject({ rows: 2, valid: 2, errorCount: 0, created: 0 });
		expect(await count()).toBe(before);
		const done = await importPeople(f.db, f.actors.admin, file, { dryRun: false });
		expect(done).toMatchObject({ rows: 2, valid: 2, errorCount: 0, created: 2 });
		expect(await count()).toBe(before + 2);
		const ali = (await searchPeople(f.db, f.actors.admin, { q: '09121112222' })).items[0];
		expect(hasDetails(ali) && ali).toMatchObject({
			name: 'Ali Rezaei',
			roles: expect.arrayContaining(['IDEA_OWNER', 'ENTREPRENEUR']),
			offers: ['IDEA'],
			seeks: ['CAPITAL'],
			consent: true,
			district: { name: 'منطقه 1' }
		});
		expect(ali.fields.map((x) => x.name).sort()).toEqual(['صنایع دستی', 'طراحی', 'گردشگری'].sort());
	});

	it('reports every bad row with its line and column, and writes nothing', async () => {
		const before = await count();
		const report = await importPeople(
			f.db,
			f.actors.admin,
			csv(
				'Good Person,good@import.example,,,,,,,,,yes',
				',noname@import.example,,,,,,,,,yes',
				'Bad Email,not-an-email,,,,,,,,,yes',
				'Bad Lists,,,99,نجوم,,astronaut,money,,,perhaps',
				'Bad Phone,,call me,,,,,,,,'
			),
			{ dryRun: false }
		);
		expect(report.created).toBe(0);
		expect(report.rows).toBe(5);
		expect(report.valid).toBe(1);
		expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
			[3, 'name', 'required'],
			[4, 'email', 'invalid_email'],
			[5, 'district', 'unknown_district'],
			[5, 'consent', 'invalid_consent'],
			[5, 'sectors', 'unknown_sector'],
			[5, 'roles', 'unknown_role'],
			[5, 'offers', 'unknown_exchange'],
			[6, 'phone', 'invalid_phone']
		]);
		expect(await count()).toBe(before);
	});

	it('finds duplicate emails within the file and against the databank, whatever their case', async () => {
		await f.person({ name: 'Existing', email: 'taken@import.example' });
		const report = await importPeople(
			f.db,
			f.actors.admin,
			csv('One,dup@import.example,,,,,,,,,', 'Two,DUP@import.example,,,,,,,,,', 'Three,Taken@Import.example,,,,,,,,,'),
			{ dryRun: true }
		);
		expect(report.errors.map((e) => [e.line, e.code, e.value])).toEqual([
			[3, 'duplicate_in_file', '2'],
			[4, 'duplicate_in_db', 'taken@import.example']
		]);
	});

	it('reads Persian headers and Persian text typed with Arabic letters, Persian digits and no ZWNJ', async () => {
		const file = [
			'\uFEFFنام,ایمیل,تلفن همراه,منطقه,حوزه‌ها,مهارت‌ها,نقش‌ها,در جست‌وجوی,رضایت به معرفی',
			'سارا كريمي,sara@import.example,۰۹۱۲۳۳۳۴۴۴۴,منطقه ۳,صنايع دستي,بازاريابي,صاحب ايده،کارجو,سرمايه,بله'
		].join('\n');
		const report = await importPeople(f.db, f.actors.admin, file, { dryRun: false });
		expect(report).toMatchObject({ errorCount: 0, created: 1, unknownColumns: [] });
		const sara = (await searchPeople(f.db, f.actors.admin, { q: 'سارا کریمی' })).items[0];
		expect(hasDetails(sara) && sara).toMatchObject({
			roles: ['IDEA_OWNER', 'JOB_SEEKER'],
			seeks: ['CAPITAL'],
			consent: true,
			district: { name: 'منطقه 3' }
		});
		expect((await searchPeople(f.db, f.actors.admin, { q: '09123334444' })).total).toBe(1);
	});

	it('names each erroneous column by the header the file used (issue 15, point 5)', async () => {
		const file = ['نام,منطقه,رضایت به معرفی', 'سارا,منطقه ۹۹,شاید'].join('\n');
		const report = await importPeople(f.db, f.actors.admin, file, { dryRun: true });
		expect(report.errors.map((e) => [e.column, e.code])).toEqual([
			['district', 'unknown_district'],
			['consent', 'invalid_consent']
		]);
		expect(report.headers).toEqual({ name: 'نام', district: 'منطقه', consent: 'رضایت به معرفی' });
	});

	it('refuses a file without a name column, and reports unknown columns', async () => {
		const report = await importPeople(f.db, f.actors.admin, 'email,favourite colour\na@b.example,blue', { dryRun: true });
		expect(report.errors[0]).toMatchObject({ line: 1, column: 'file', code: 'no_name_column' });
		expect(report.unknownColumns).toEqual(['favourite colour']);
	});

	it('recognises a unique-email violation from a bulk insert (a write racing the check)', async () => {
		const row = {
			id: 'race1',
			organisationId: f.organisationId,
			name: 'Race',
			email: 'taken@import.example',
			createdAt: new Date(),
			updatedAt: new Date()
		};
		const error = await insertRows(f.db, 'Person', [row]).catch((e: unknown) => e);
		expect(isUniqueViolation(error)).toBe(true);
		expect(isUniqueViolation(new Error('other'))).toBe(false);
	});

	it('is for administrators only', async () => {
		await expect(importPeople(f.db, f.actors.moderator, csv('X,,,,,,,,,,'), { dryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(exportPeople(f.db, f.actors.moderator)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('imports a 10,000-row file in one transaction, and a single bad row anywhere stops all of it', async () => {
		const rows = Array.from(
			{ length: 10_000 },
			(_, i) =>
				`نفر ${i},bulk${i}@import.example,0913${String(i).padStart(7, '0')},${(i % 3) + 1},صنایع دستی,طراحی; حسابداری,EXPERT,SKILLS,JOB,,yes`
		);
		const bad = [...rows];
		bad[9_876] = bad[9_876].replace('EXPERT', 'WIZARD');
		const before = await count();
		const t0 = performance.now();
		const refused = await importPeople(f.db, f.actors.admin, csv(...bad), { dryRun: false });
		expect(refused.errors).toEqual([{ line: 9_878, column: 'roles', code: 'unknown_role', value: 'WIZARD' }]);
		expect(await count()).toBe(before);
		const done = await importPeople(f.db, f.actors.admin, csv(...rows), { dryRun: false });
		const ms = performance.now() - t0;
		expect(done.created).toBe(10_000);
		expect(await count()).toBe(before + 10_000);
		expect(await f.db.personField.count({ where: { person: { email: { startsWith: 'bulk' } } } })).toBe(30_000);
		expect(ms).toBeLessThan(30_000);

		// A broad search counts up to the cap, says there are more, and still pages by name.
		const broad = await searchPeople(f.db, f.actors.admin, { q: 'نفر', page: 2, pageSize: 10 });
		expect(broad).toMatchObject({ total: 1000, more: true, pageCount: 100 });
		const names = broad.items.map((p) => p.name);
		expect(names).toEqual([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
		expect(names).toHaveLength(10);
		// A narrow one is exact, and sorted from its ids alone.
		const narrow = await searchPeople(f.db, f.actors.admin, {
			q: 'نفر 123',
			roles: ['EXPERT'],
			offers: ['SKILLS'],
			districtId: f.districts.d1
		});
		expect(narrow.more).toBe(false);
		expect(narrow.items.map((p) => p.name)).toEqual(['نفر 123', 'نفر 1230', 'نفر 1233', 'نفر 1236', 'نفر 1239']);
	}, 60_000);
});

describe('CSV export', () => {
	it('writes the import format with a byte-order mark, and reads back identically', async () => {
		const out = await exportPeople(f.db, f.actors.admin, { q: 'سارا' });
		expect(out.startsWith('\uFEFF' + HEADER)).toBe(true);
		const rows = Papa.parse<Record<string, string>>(out.slice(1), { header: true }).data;
		expect(rows).toEqual([
			{
				name: 'سارا كريمي',
				email: 'sara@import.example',
				phone: '۰۹۱۲۳۳۳۴۴۴۴',
				district: 'منطقه 3',
				sectors: 'صنایع دستی',
				skills: 'بازاریابی',
				roles: 'IDEA_OWNER; JOB_SEEKER',
				offers: '',
				seeks: 'CAPITAL',
				bio: '',
				consent: 'yes'
			}
		]);
		// The exported file imports cleanly into a databank without those emails: here it is a duplicate.
		const again = await importPeople(f.db, f.actors.admin, out, { dryRun: true });
		expect(again.errors.map((e) => e.code)).toEqual(['duplicate_in_db']);
	});
});

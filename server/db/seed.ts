// First start: an empty database gets an organisation — the demo one unless RAHKAR_DEMO=0.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Auth } from '../auth/auth';
import type { Db } from './client';
import { SIDES, type GroupRole, type Side } from '../../shared/sides';
import { createUser } from '../domain/users';
import { createSeries } from '../domain/meetings/series';
import { addLocalDays, fromLocal, toLocal, type LocalDateTime } from '../domain/meetings/zoned-time';
import { dayOff, workCalendar } from '../domain/meetings/schedule';
import { CalendarDate, GregorianCalendar, PersianCalendar, toCalendar } from '@internationalized/date';
import { seedDemoDatabank } from './seed-databank';
import { acquireLease } from '../cluster/lease';

export const DEMO_EMAILS = {
	admin: 'admin@rahkar.example',
	moderator: 'moderator@rahkar.example',
	executor: 'executor@rahkar.example',
	member: 'member@rahkar.example',
	observer: 'observer@rahkar.example',
	/** District staff of the first district (intake at the district centre), seated nowhere. */
	staff: 'staff@rahkar.example'
} as const;

const DISTRICTS = [1, 4, 7, 12, 19];
// Thirty people, five per side, so both demo groups can seat all six sides.
const PEOPLE: Record<Side, string[]> = {
	ENTREPRENEUR: ['مریم احمدی', 'علی رضایی', 'زهرا کریمی', 'حسین موسوی', 'فاطمه حسینی'],
	EXPERT: ['دکتر سارا نوری', 'مهندس رضا طاهری', 'نرگس صادقی', 'امیر جعفری', 'لیلا قاسمی'],
	AGENCY: ['محمد عباسی', 'سمیه رحیمی', 'جواد نظری', 'الهام یوسفی', 'کاوه شریفی'],
	LEGAL: ['وکیل پروین اکبری', 'بهروز سلطانی', 'شیرین مرادی', 'ناصر کاظمی', 'مینا فرهادی'],
	MEDIA: ['نیلوفر بهرامی', 'سعید کامرانی', 'هانیه زمانی', 'پیمان امینی', 'رویا توکلی'],
	EXECUTOR: ['بهناز محمدی', 'داوود حیدری', 'آرش کیانی', 'مهسا صالحی', 'یاسر نوروزی']
};
const GROUPS = [
	{ name: 'کارگروه کسب‌وکارهای خانگی', description: 'از ایده‌ی خانگی تا فروشگاه محله: محصولات دست‌ساز شهروندان.' },
	{ name: 'کارگروه گردشگری محله‌ای', description: 'خدمات گردشگری کوچک با مشارکت ساکنان محله‌ها.' }
];

export interface SeedResult {
	organisationId: string;
	demo: boolean;
	/** Set only when the password was generated here; print it once. */
	generatedPassword?: string;
}

/** The lease a node holds while it seeds; it lapses if that node dies meanwhile. */
const SEED_LEASE = 'seed';
const SEED_LEASE_MS = 30_000;

/** Seeds an empty database; returns null when an organisation already exists. Nodes that
 * start together on an empty database seed it once: the node that takes the seed lease
 * seeds, the others wait for it and then find its organisation. */
export async function seedIfEmpty(deps: { db: Db; auth: Auth }, options: { demo: boolean; password?: string }): Promise<SeedResult | null> {
	const { db } = deps;
	if ((await db.organisation.count()) > 0) return null;
	const holder = randomUUID();
	while (!(await acquireLease(db, SEED_LEASE, holder, SEED_LEASE_MS))) await new Promise((r) => setTimeout(r, 250));
	// Renewed while seeding, so a slow seed is not taken over.
	const renew = setInterval(() => void acquireLease(db, SEED_LEASE, holder, SEED_LEASE_MS).catch(() => {}), SEED_LEASE_MS / 3);
	try {
		// Counted again under the lease: another node may have seeded while this one waited.
		if ((await db.organisation.count()) > 0) return null;
		return await seed(deps, options);
	} finally {
		clearInterval(renew);
		await db.lease.deleteMany({ where: { name: SEED_LEASE, holder } });
	}
}

const DEMO_WORKING_DAYS = '60123';
/** The Persian demo writes its numbers in Persian digits («منطقه ۱»). */
const PERSIAN_NUMBER = new Intl.NumberFormat('fa-IR', { useGrouping: false });

/** The fixed-date official holidays of this Jalali year and the next, as Gregorian days. */
function demoHolidays(now = new Date()): { date: string; name: string }[] {
	const persian = new PersianCalendar();
	const gregorian = new GregorianCalendar();
	const today = toLocal(now, 'Asia/Tehran');
	const year = toCalendar(new CalendarDate(gregorian, today.year, today.month, today.day), persian).year;
	const fixed: [number, number, string][] = [
		[1, 1, 'نوروز'],
		[1, 2, 'نوروز'],
		[1, 3, 'نوروز'],
		[1, 4, 'نوروز'],
		[1, 12, 'روز جمهوری اسلامی'],
		[1, 13, 'روز طبیعت'],
		[3, 14, 'رحلت امام خمینی'],
		[3, 15, 'قیام ۱۵ خرداد'],
		[11, 22, 'پیروزی انقلاب اسلامی'],
		[12, 29, 'روز ملی شدن صنعت نفت']
	];
	return [year, year + 1].flatMap((y) =>
		fixed.map(([month, day, name]) => ({ date: toCalendar(new CalendarDate(persian, y, month, day), gregorian).toString(), name }))
	);
}

async function seed(deps: { db: Db; auth: Auth }, options: { demo: boolean; password?: string }): Promise<SeedResult> {
	const { db } = deps;
	if (!options.demo) {
		const org = await db.organisation.create({ data: { name: 'Rahkar' } });
		return { organisationId: org.id, demo: false };
	}
	// Saturday to Wednesday, as an Iranian office works, with the year's fixed-date holidays
	// (the lunar ones move every year: an administrator enters them on /admin/calendar).
	const org = await db.organisation.create({ data: { name: 'سازمان رفاه شهر — نمونه', workingDays: DEMO_WORKING_DAYS } });
	await db.holiday.createMany({ data: demoHolidays().map((h) => ({ organisationId: org.id, ...h })) });
	const districts = await Promise.all(
		DISTRICTS.map((n) => db.district.create({ data: { organisationId: org.id, number: n, name: `منطقه ${PERSIAN_NUMBER.format(n)}` } }))
	);
	const people: Record<Side, string[]> = { ENTREPRENEUR: [], EXPERT: [], AGENCY: [], LEGAL: [], MEDIA: [], EXECUTOR: [] };
	let i = 0;
	for (const side of SIDES) {
		for (const name of PEOPLE[side]) {
			const district = districts[i++ % districts.length];
			const person = await db.person.create({
				data: { organisationId: org.id, name, districtId: district.id, consent: i % 4 !== 0, email: `person${i}@rahkar.example` }
			});
			people[side].push(person.id);
		}
	}
	// Seats: group 1 takes the first two people of each side, group 2 the next two.
	const groups: { id: string }[] = [];
	for (const [g, spec] of GROUPS.entries()) {
		const group = await db.group.create({
			data: { organisationId: org.id, name: spec.name, description: spec.description, districtId: districts[g].id, cadenceDays: 14 }
		});
		groups.push(group);
		for (const side of SIDES) {
			for (const personId of people[side].slice(g * 2, g * 2 + 2)) {
				await db.membership.create({ data: { groupId: group.id, personId, side, role: 'MEMBER' } });
			}
		}
	}
	// Each demo group meets every two weeks on one weekday at 17:00 Tehran time, from the
	// first working day after tomorrow and after the day after.
	const calendar = workCalendar(DEMO_WORKING_DAYS, []);
	for (const [g, group] of groups.entries()) {
		const { year, month, day: date } = toLocal(new Date(Date.now() + (g + 1) * 86_400_000), 'Asia/Tehran');
		let day: LocalDateTime = { year, month, day: date, hour: 17, minute: 0 };
		while (dayOff(calendar, day) !== null) day = addLocalDays(day, 1);
		const firstStartsAt = fromLocal(day, 'Asia/Tehran');
		const place = `سالن جلسات ${districts[g].name}`;
		await createSeries(db, group.id, {
			firstStartsAt,
			cadenceDays: 14,
			weekly: true,
			durationMinutes: 90,
			timeZone: 'Asia/Tehran',
			place,
			link: ''
		});
	}
	// Accounts for five seated people; the moderator moderates both groups.
	const seat = async (groupIndex: number, personId: string, role: GroupRole) =>
		db.membership.update({ where: { groupId_personId: { groupId: groups[groupIndex].id, personId } }, data: { role } });
	await seat(0, people.EXPERT[0], 'MODERATOR');
	await db.membership.create({ data: { groupId: groups[1].id, personId: people.EXPERT[0], side: 'EXPERT', role: 'MODERATOR' } });
	await seat(0, people.EXECUTOR[0], 'EXECUTOR');
	await seat(0, people.MEDIA[1], 'OBSERVER');
	await seedDemoDatabank(db, org.id, { people, groups: groups.map((g) => g.id), districts: districts.map((d) => d.id) });

	const password = options.password ?? randomBytes(9).toString('base64url');
	const accounts: [string, string, string | null, boolean][] = [
		[DEMO_EMAILS.admin, 'مدیر سامانه', null, true],
		[DEMO_EMAILS.moderator, PEOPLE.EXPERT[0], people.EXPERT[0], false],
		[DEMO_EMAILS.executor, PEOPLE.EXECUTOR[0], people.EXECUTOR[0], false],
		[DEMO_EMAILS.member, PEOPLE.ENTREPRENEUR[0], people.ENTREPRENEUR[0], false],
		[DEMO_EMAILS.observer, PEOPLE.MEDIA[1], people.MEDIA[1], false]
	];
	for (const [email, name, personId, isAdmin] of accounts) {
		await createUser(deps, { organisationId: org.id, email, name, password, personId, isAdmin });
	}
	const staff = await createUser(deps, { organisationId: org.id, email: DEMO_EMAILS.staff, name: 'کارشناس مرکز منطقه ۱', password });
	await db.user.update({ where: { id: staff.id }, data: { staffDistrictId: districts[0].id } });
	return { organisationId: org.id, demo: true, generatedPassword: options.password ? undefined : password };
}

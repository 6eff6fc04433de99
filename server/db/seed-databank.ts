// The demo databank: a classification, roles, fields and offers/seeks for the demo people,
// a few more people who sit in no group (so suggestions and "find members" have someone
// to find), and subjects and fields for the demo groups.
import type { Db } from './client';
import type { Side } from '../../shared/sides';
import type { EcosystemRole, Exchange } from '../../shared/databank';
import { normalizeText, personSearchText, searchKey, sortKey } from '../domain/persian';

const SECTORS = ['صنایع دستی', 'گردشگری', 'مواد غذایی خانگی', 'پوشاک و نساجی', 'فناوری اطلاعات'];
const SKILLS = ['بازاریابی', 'حسابداری', 'طراحی', 'حقوق کسب‌وکار', 'تولید محتوا', 'مدیریت پروژه'];

const SIDE_ROLES: Record<Side, EcosystemRole[][]> = {
	ENTREPRENEUR: [['ENTREPRENEUR'], ['IDEA_OWNER'], ['CAPITAL_OWNER'], ['ENTREPRENEUR', 'IDEA_OWNER'], ['CAPITAL_OWNER', 'ENTREPRENEUR']],
	EXPERT: [['EXPERT']],
	AGENCY: [['AGENCY']],
	LEGAL: [['LEGAL', 'EXPERT']],
	MEDIA: [['MEDIA']],
	EXECUTOR: [['EXECUTOR']]
};

// People outside the groups: idea owners, investors, experts and job seekers.
const EXTRA: {
	name: string;
	roles: EcosystemRole[];
	sectors: number[];
	skills: number[];
	offers: Exchange[];
	seeks: Exchange[];
	bio: string;
}[] = [
	{
		name: 'پریسا رستمی',
		roles: ['IDEA_OWNER'],
		sectors: [0],
		skills: [2],
		offers: ['IDEA'],
		seeks: ['CAPITAL', 'SKILLS'],
		bio: 'ایده‌ی کارگاه سفال خانگی با فروش اینترنتی'
	},
	{
		name: 'کامران ملکی',
		roles: ['CAPITAL_OWNER'],
		sectors: [0, 2],
		skills: [],
		offers: ['CAPITAL'],
		seeks: ['IDEA'],
		bio: 'سرمایه‌گذار کسب‌وکارهای خرد'
	},
	{
		name: 'طاهره نیک‌نام',
		roles: ['EXPERT'],
		sectors: [0],
		skills: [0, 4],
		offers: ['SKILLS'],
		seeks: [],
		bio: 'کارشناس بازاریابی صنایع دستی'
	},
	{
		name: 'رضا اکبرزاده',
		roles: ['JOB_SEEKER'],
		sectors: [3],
		skills: [2],
		offers: ['SKILLS'],
		seeks: ['JOB'],
		bio: 'طراح لباس، جویای کار'
	},
	{
		name: 'Sara Lindqvist',
		roles: ['EXPERT'],
		sectors: [1, 4],
		skills: [5],
		offers: ['SKILLS'],
		seeks: ['PARTNER'],
		bio: 'Tourism and project management adviser'
	},
	{
		name: 'مجید فتحی',
		roles: ['CAPITAL_OWNER', 'ENTREPRENEUR'],
		sectors: [1],
		skills: [1],
		offers: ['CAPITAL', 'JOB'],
		seeks: ['IDEA'],
		bio: 'صاحب چند اقامتگاه بوم‌گردی'
	},
	{
		name: 'زینب قربانی',
		roles: ['IDEA_OWNER', 'JOB_SEEKER'],
		sectors: [2],
		skills: [],
		offers: ['IDEA'],
		seeks: ['CAPITAL', 'JOB'],
		bio: 'ایده‌ی آشپزخانه‌ی اشتراکی محله'
	},
	{ name: 'حمید شکوهی', roles: ['AGENCY'], sectors: [1], skills: [], offers: [], seeks: [], bio: 'نماینده‌ی اداره‌ی میراث فرهنگی' },
	{ name: 'ساناز پورمحمد', roles: ['LEGAL'], sectors: [], skills: [3], offers: ['SKILLS'], seeks: [], bio: 'وکیل پایه‌یک، حقوق کسب‌وکار' },
	{ name: 'امید رحمانی', roles: ['MEDIA'], sectors: [1], skills: [4], offers: ['SKILLS'], seeks: [], bio: 'خبرنگار و تولیدکننده‌ی محتوا' }
];

export async function seedDemoDatabank(
	db: Db,
	organisationId: string,
	demo: { people: Record<Side, string[]>; groups: string[]; districts: string[] }
): Promise<void> {
	const field = (kind: 'SECTOR' | 'SKILL', name: string) =>
		db.field.create({ data: { organisationId, kind, name, nameKey: normalizeText(name) }, select: { id: true } });
	const sectors = await Promise.all(SECTORS.map((n) => field('SECTOR', n)));
	const skills = await Promise.all(SKILLS.map((n) => field('SKILL', n)));

	let i = 0;
	for (const [side, ids] of Object.entries(demo.people) as [Side, string[]][]) {
		for (const [k, id] of ids.entries()) {
			i++;
			const roles = SIDE_ROLES[side][k % SIDE_ROLES[side].length];
			const fieldIds = [sectors[(i + k) % 2].id, sectors[2 + (i % 3)].id, skills[i % skills.length].id];
			const offers: Exchange[] = roles.includes('CAPITAL_OWNER') ? ['CAPITAL'] : roles.includes('IDEA_OWNER') ? ['IDEA'] : ['SKILLS'];
			const seeks: Exchange[] = roles.includes('IDEA_OWNER') ? ['CAPITAL'] : roles.includes('CAPITAL_OWNER') ? ['IDEA'] : [];
			await update(db, id, { fieldIds, roles, offers, seeks });
		}
	}
	for (const [n, p] of EXTRA.entries()) {
		const person = await db.person.create({
			data: {
				organisationId,
				name: p.name,
				bio: p.bio,
				consent: true,
				email: `person${31 + n}@rahkar.example`,
				phone: `0912${String(1000000 + n * 7919).slice(0, 7)}`,
				districtId: demo.districts[n % demo.districts.length]
			},
			select: { id: true }
		});
		await update(db, person.id, { fieldIds: [...p.sectors.map((s) => sectors[s].id), ...p.skills.map((s) => skills[s].id)], ...p });
	}
	const groupFields = [
		{ subject: 'صنایع دستی و محصولات خانگی', fields: [sectors[0].id, sectors[2].id, skills[0].id] },
		{ subject: 'گردشگری محله‌ای و بوم‌گردی', fields: [sectors[1].id, skills[4].id] }
	];
	for (const [g, spec] of groupFields.entries()) {
		await db.group.update({
			where: { id: demo.groups[g] },
			data: { subject: spec.subject, fields: { create: spec.fields.map((fieldId) => ({ fieldId })) } }
		});
	}
}

async function update(db: Db, personId: string, p: { fieldIds: string[]; roles: EcosystemRole[]; offers: Exchange[]; seeks: Exchange[] }) {
	const person = await db.person.findUniqueOrThrow({ where: { id: personId } });
	await db.person.update({
		where: { id: personId },
		data: {
			nameKey: searchKey(person.name),
			sortKey: sortKey(person.name),
			searchText: personSearchText(person),
			fields: { create: p.fieldIds.map((fieldId) => ({ fieldId })) },
			roles: { create: p.roles.map((role) => ({ role })) },
			exchanges: {
				create: [
					...p.offers.map((kind) => ({ direction: 'OFFER' as const, kind })),
					...p.seeks.map((kind) => ({ direction: 'SEEK' as const, kind }))
				]
			}
		}
	});
}

// An administrator imports people from CSV, creates a working group, seats someone on each
// of the six sides from the databank, and the hexagon shows them — in English and Persian.
import { expect, seriousViolations, signIn, test, USERS } from './support';

const SIDES = ['ENTREPRENEUR', 'EXPERT', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR'] as const;
const TEXT = {
	en: {
		sides: ['Entrepreneurs', 'Experts and advisers', 'Agencies and ministries', 'Legal', 'Media', 'Executor'],
		names: ['Nika Farahani', 'Omid Tehrani', 'Mina Saberi', 'Reza Hosseini', 'Leila Mohammadi', 'Kian Rostami'],
		check: 'Check the file',
		import: 'Import',
		ready: 'Ready: 6',
		added: 'Added: 6',
		create: 'Create the group',
		name: 'Name',
		subject: 'Subject',
		searchByName: 'Or search by name',
		search: 'Search',
		allSeated: 'All six sides are seated',
		hexagon: /^The six sides/,
		count: '6/6',
		empty: '0/6'
	},
	fa: {
		sides: ['کارآفرینان', 'صاحب‌نظران و کارشناسان', 'دستگاه‌ها و وزارتخانه‌ها', 'قوانین و مقررات', 'رسانه', 'مجری'],
		names: ['نیکا فراهانی', 'امید تهرانی', 'مینا صابری', 'رضا حسینی‌نژاد', 'لیلا محمدی‌فر', 'کیان رستمی'],
		check: 'بررسی فایل',
		import: 'درون‌ریزی',
		ready: 'آماده: ۶',
		added: 'افزوده‌شده: ۶',
		create: 'ساختن کارگروه',
		name: 'نام',
		subject: 'موضوع',
		searchByName: 'یا جست‌وجو با نام',
		search: 'جست‌وجو',
		allSeated: 'هر شش ضلع حاضرند',
		hexagon: /^شش ضلع/,
		count: '۶/۶',
		empty: '۰/۶'
	}
} as const;

/** One person per side, in the databank's CSV format (Persian headers for the Persian run). */
function csvFor(locale: 'en' | 'fa'): string {
	const t = TEXT[locale];
	const header = locale === 'fa' ? 'نام,ایمیل,حوزه‌ها,نقش‌ها,رضایت به معرفی' : 'name,email,sectors,roles,consent';
	const rows = SIDES.map((side, i) => `${t.names[i]},e2e-${locale}-${i}@example.org,صنایع دستی,${side},${locale === 'fa' ? 'بله' : 'yes'}`);
	return [header, ...rows].join('\n');
}

for (const locale of ['en', 'fa'] as const) {
	test(`an administrator imports people, creates a group and seats all six sides (${locale})`, async ({ page, context, baseURL }) => {
		test.setTimeout(90_000);
		const t = TEXT[locale];
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		await signIn(page, USERS.admin);

		// Import: check first (nothing written), then import.
		await page.goto('/people/import');
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await page
			.locator('input[type=file]')
			.setInputFiles({ name: `people-${locale}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csvFor(locale)) });
		await page.getByRole('button', { name: t.check }).click();
		await expect(page.getByText(t.ready)).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		await page.getByRole('button', { name: t.import, exact: true }).click();
		await expect(page.getByText(t.added)).toBeVisible();

		// A new group in the crafts sector.
		await page.goto('/groups/new');
		await page.getByLabel(t.name, { exact: true }).fill(`E2E ${locale}`);
		await page.getByLabel(t.subject).fill('صنایع دستی');
		await page.getByRole('checkbox', { name: 'صنایع دستی' }).check();
		await page.getByRole('button', { name: t.create }).click();
		await expect(page).toHaveURL(/\/groups\/(?!new$)[^/]+$/);
		const groupUrl = page.url();
		const hexagon = page.getByRole('img', { name: t.hexagon });
		await expect(hexagon.locator('text').last()).toHaveText(t.empty);

		// Each empty side links to the databank; the imported person is found by name and seated.
		for (const [i, side] of SIDES.entries()) {
			await page.locator(`#side-${side}-card a`).click();
			await expect(page).toHaveURL(new RegExp(`/seats\\?side=${side}$`));
			await page.getByLabel(t.searchByName).fill(t.names[i]);
			await page.getByRole('button', { name: t.search }).click();
			if (side === 'EXPERT') await page.locator('select[name=role]').first().selectOption('MODERATOR');
			await page.getByRole('button', { name: new RegExp(t.names[i]) }).click();
			await expect(page).toHaveURL(new RegExp(`${groupUrl.replace(/[?]/g, '\\?')}(#side-${side}-card)?$`));
			await expect(page.locator(`#side-${side}-card`)).toContainText(t.names[i]);
		}

		await page.goto(groupUrl);
		await expect(hexagon.locator('text').last()).toHaveText(t.count);
		await expect(page.getByText(t.allSeated)).toBeVisible();
		for (const [i, side] of SIDES.entries()) {
			const card = page.locator(`#side-${side}-card`);
			await expect(card.getByRole('heading', { level: 3 })).toHaveText(t.sides[i]);
			await expect(card).toContainText(t.names[i]);
			await expect(hexagon).toHaveAttribute('aria-label', new RegExp(t.sides[i]));
		}
		expect(await seriousViolations(page)).toEqual([]);
	});
}

test('the databank pages have no serious accessibility problems, in both languages', async ({ page, context, baseURL }) => {
	test.setTimeout(90_000); // six axe runs
	for (const locale of ['en', 'fa'] as const) {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		await signIn(page, USERS.moderator);
		for (const path of ['/people', '/people?q=%D9%BE%D8%B1%DB%8C%D8%B3%D8%A7']) {
			await page.goto(path);
			expect(await seriousViolations(page)).toEqual([]);
		}
		await page.getByRole('link', { name: 'پریسا رستمی' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('پریسا رستمی');
		expect(await seriousViolations(page)).toEqual([]);
		await page.context().clearCookies();
	}
});

test('an administrator adds a person: a bad field is named beside it and what was typed stays', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'fa', url: baseURL! }]);
	await signIn(page, USERS.admin);
	await page.goto('/people/new');
	await page.getByLabel('نام و نام خانوادگی').fill('نرگس فاضلی');
	await page.getByLabel('تلفن').fill('شماره ندارم');
	await page.getByLabel('معرفی کوتاه').fill('طراح بسته‌بندی');
	await page.locator('form.databank-form button[type=submit]').click();

	const phone = page.getByLabel('تلفن');
	await expect(phone).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#phone-error')).toHaveText('فقط رقم، فاصله، خط تیره یا پرانتز به کار ببرید.');
	await expect(phone).toHaveAccessibleDescription('فقط رقم، فاصله، خط تیره یا پرانتز به کار ببرید.');
	await expect(page.getByLabel('نام و نام خانوادگی')).toHaveValue('نرگس فاضلی');
	await expect(page.getByLabel('معرفی کوتاه')).toHaveValue('طراح بسته‌بندی');
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: test.info().outputPath('person-form-fa.png'), fullPage: true });

	await phone.fill('۰۹۱۲ ۳۴۵ ۶۷۸۹');
	await page.locator('form.databank-form button[type=submit]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('نرگس فاضلی');
});

// Courses and certificates in Chromium, in both languages: an administrator (English) sets up
// a course and names a coordinator; the coordinator (Persian, phone) enrols a person of the
// databank, takes attendance and completes them; the holder (Persian) and the administrator
// (English) print the certificate to PDF; its QR code holds the public verification link,
// where a visitor reads "valid" in both languages; after the administrator revokes it, the
// same page says revoked, with the reason. Every page is looked at (screenshots attached) at
// 1280×900 and 390×844 in both languages, and passes axe.
import type { Page, TestInfo } from '@playwright/test';
import { qrPath } from '../../web/lib/server/qr';
import { expect, openMenu, personIn, seriousViolations, test, USERS } from './support';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const COURSE = 'Home bakery: from idea to sale · نان خانگی';
const HOLDER = 'مریم احمدی'; // member@, in the demo databank
const COORDINATOR = 'بهناز محمدی'; // executor@
const REASON = 'Attendance was recorded for the wrong person';

/** A full-page screenshot attached to the report, after checking nothing overflows sideways. */
async function look(page: Page, info: TestInfo, name: string) {
	await page.evaluate(() => document.fonts.ready);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${name} overflows sideways by ${overflow}px`).toBeLessThanOrEqual(0);
	const path = info.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await info.attach(name, { path, contentType: 'image/png' });
	expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
}

/** The printable page as an A4 PDF, attached to the report; returns its bytes. */
async function printPdf(page: Page, info: TestInfo, name: string) {
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => document.fonts.ready);
	const path = info.outputPath(name);
	const pdf = await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
	// What the paper looks like, to look at beside the PDF: the print styles on an A4 landscape page.
	const viewport = page.viewportSize();
	await page.setViewportSize({ width: 1123, height: 794 });
	const shot = info.outputPath(`${name}.png`);
	await page.screenshot({ path: shot });
	await info.attach(`${name}.png`, { path: shot, contentType: 'image/png' });
	if (viewport) await page.setViewportSize(viewport);
	await page.emulateMedia({ media: 'screen' });
	await info.attach(name, { path, contentType: 'application/pdf' });
	return pdf;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test.describe.serial('courses and certificates', () => {
	let coursePath = '';
	let certificatePath = '';
	let code = '';
	let registerPath = '';

	test('a person completes a course; the certificate prints to PDF and verifies; revoked, it says so', async ({
		browser,
		baseURL
	}, info) => {
		test.setTimeout(180_000);
		// The administrator, in English, creates the course with two sessions and names the coordinator.
		const admin = await personIn(browser, baseURL!, USERS.admin, 'en', DESKTOP);
		await openMenu(admin);
		await admin.getByRole('link', { name: 'Courses' }).click();
		await admin.getByRole('link', { name: 'New course' }).click();
		await admin.getByLabel('Title').fill(COURSE);
		await admin.getByLabel('Kind').selectOption('HOME_BUSINESS');
		await admin.getByLabel(/Attendance needed/).fill('75');
		await admin.getByRole('button', { name: 'Create the course' }).click();
		await expect(admin).toHaveURL(/\/courses\/c[a-z0-9]{20,}$/);
		coursePath = new URL(admin.url()).pathname;
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText(COURSE);
		await expect(admin.getByText('To complete: attend at least 75% of the sessions.')).toBeVisible();
		for (const [offset, topic] of [
			[-7, 'Costing and pricing'],
			[0, 'Selling in the district shop']
		] as const) {
			await admin.locator('#session-day').fill(day(offset));
			await admin.locator('#session-topic').fill(topic);
			await admin.getByRole('button', { name: 'Add a session' }).click();
			await expect(admin.getByText(topic)).toBeVisible();
		}
		await admin.locator('#coordinator-q').fill('محمدی');
		await admin.locator('#coordinator-q').press('Enter');
		await admin.getByRole('button', { name: `Make coordinator: ${COORDINATOR}` }).click();
		await expect(admin.locator('section', { hasText: 'Coordinators' }).getByText(COORDINATOR)).toBeVisible();

		// The coordinator, in Persian on a phone, enrols the person, takes attendance, completes.
		const coordinator = await personIn(browser, baseURL!, USERS.executor, 'fa', PHONE);
		await coordinator.goto('/courses');
		await expect(coordinator.getByRole('heading', { name: 'دوره‌هایی که برگزار می‌کنید' })).toBeVisible();
		await coordinator.getByRole('link', { name: COURSE }).click();
		await expect(coordinator).toHaveURL(coursePath);
		await coordinator.locator('#enrol-q').fill('احمدی');
		await coordinator.locator('#enrol-q').press('Enter');
		await coordinator.getByRole('button', { name: `ثبت‌نام: ${HOLDER}` }).click();
		const enrolled = coordinator.getByTestId('enrolment').filter({ hasText: HOLDER });
		await expect(enrolled).toContainText('۰ از ۲ جلسه (لازم: ۲)');
		// Jalali dates with Persian digits for the sessions.
		await expect(coordinator.locator('.sessions .day').first()).toHaveText(/[۰-۹]/);
		for (const n of [0, 1]) {
			await coordinator
				.getByRole('link', { name: /^حضور و غیاب/ })
				.nth(n)
				.click();
			await expect(coordinator.getByRole('heading', { level: 1 })).toContainText('حضور و غیاب');
			registerPath ||= new URL(coordinator.url()).pathname;
			await coordinator.getByLabel(HOLDER).check();
			await coordinator.getByRole('button', { name: 'ثبت حضور و غیاب' }).click();
			await expect(coordinator).toHaveURL(coursePath);
		}
		await expect(enrolled).toContainText('۲ از ۲ جلسه');
		await coordinator.getByRole('button', { name: `پایان دوره و صدور گواهینامه: ${HOLDER}` }).click();
		await expect(enrolled).toContainText('پایان‌یافته');
		await enrolled.getByRole('link', { name: 'گواهینامه' }).click();
		await expect(coordinator).toHaveURL(/\/certificates\/[a-z0-9]+$/);
		certificatePath = new URL(coordinator.url()).pathname;

		// The holder, in Persian, finds the certificate among their courses and prints it.
		const holder = await personIn(browser, baseURL!, USERS.member, 'fa', DESKTOP);
		await holder.goto('/courses');
		await holder.locator('section', { hasText: 'دوره‌های شما' }).getByRole('link', { name: 'گواهینامه' }).click();
		await expect(holder).toHaveURL(certificatePath);
		await expect(holder.getByRole('heading', { level: 1 })).toHaveText('گواهینامه‌ی پایان دوره');
		await expect(holder.locator('.holder')).toHaveText(HOLDER);
		await expect(holder.locator('.certificate')).toContainText('کسب‌وکار خانگی');
		// Completed today, in the Jalali calendar with Persian digits.
		const jalaliToday = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long', timeZone: 'Asia/Tehran' }).format(new Date());
		await expect(holder.locator('.certificate')).toContainText(jalaliToday);
		code = ((await holder.getByTestId('certificate-code').textContent()) ?? '').replace(/-/g, '');
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
		// The QR code is the verification link's, module for module.
		const link = `${new URL(baseURL!).origin}/verify/${code}`;
		await expect(holder.locator('svg.qr path')).toHaveAttribute('d', qrPath(link).d);
		const pdfFa = await printPdf(holder, info, 'certificate-fa.pdf');
		await admin.goto(certificatePath);
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Certificate of completion');
		await expect(admin.locator('.certificate')).toContainText('Running a home business');
		const pdfEn = await printPdf(admin, info, 'certificate-en.pdf');
		for (const pdf of [pdfEn, pdfFa]) {
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect(pdf.length).toBeGreaterThan(10_000); // text, the embedded font and the QR code
			// One page, landscape A4 (842 × 595 points).
			expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
			expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 841\.9\d* 594\.9\d*\s*\]/);
		}

		// A visitor without an account opens the link: valid, in English and in Persian.
		for (const [locale, valid] of [
			['en', 'Valid certificate'],
			['fa', 'گواهینامه‌ی معتبر']
		] as const) {
			const visitor = await personIn(browser, baseURL!, null, locale, locale === 'fa' ? PHONE : DESKTOP);
			await visitor.goto(link);
			await expect(visitor.getByRole('heading', { level: 1 })).toContainText(valid);
			await expect(visitor.locator('dl')).toContainText(HOLDER);
			await expect(visitor.locator('dl')).toContainText(COURSE);
			// Nothing about the person beyond the name: no email, no phone, no account link.
			await expect(visitor.locator('main')).not.toContainText('@');
		}

		// The administrator revokes it with a reason; the public page says revoked, with the reason.
		await admin.getByLabel('Reason (shown on the public verification page)').fill(REASON);
		await admin.getByRole('button', { name: 'Revoke', exact: true }).click();
		await expect(admin.locator('.banner')).toContainText(REASON);
		for (const [locale, revoked] of [
			['en', 'Revoked certificate'],
			['fa', 'گواهینامه‌ی باطل‌شده']
		] as const) {
			const visitor = await personIn(browser, baseURL!, null, locale, locale === 'fa' ? PHONE : DESKTOP);
			await visitor.goto(link);
			await expect(visitor.getByRole('heading', { level: 1 })).toContainText(revoked);
			await expect(visitor.locator('.reason')).toContainText(REASON);
		}
	});

	test('a code that was never issued is not found; the form takes a code as typed', async ({ browser, baseURL }) => {
		for (const locale of ['en', 'fa'] as const) {
			const visitor = await personIn(browser, baseURL!, null, locale, locale === 'fa' ? PHONE : DESKTOP);
			await visitor.goto('/verify');
			await visitor.locator('#code').fill('zzzz-zzzz-zzzz');
			await visitor.locator('#code').press('Enter');
			await expect(visitor).toHaveURL(/\/verify\/ZZZZZZZZZZZZ$/);
			await expect(visitor.getByRole('heading', { level: 1 })).toContainText(
				locale === 'en' ? 'No certificate has this code' : 'گواهینامه‌ای با این کد نیست'
			);
			// The real code typed in lower case with dashes finds it (revoked by the first test).
			await visitor.locator('#code').fill(code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-'));
			await visitor.locator('#code').press('Enter');
			await expect(visitor.getByRole('heading', { level: 1 })).toContainText(
				locale === 'en' ? 'Revoked certificate' : 'گواهینامه‌ی باطل‌شده'
			);
		}
	});

	test('every page, in both languages, on a desktop and a phone: nothing overflows, axe passes', async ({ browser, baseURL }, info) => {
		test.setTimeout(240_000);
		for (const locale of ['en', 'fa'] as const)
			for (const [size, viewport] of [
				['desktop', DESKTOP],
				['phone', PHONE]
			] as const) {
				const admin = await personIn(browser, baseURL!, USERS.admin, locale, viewport);
				for (const [name, path] of [
					['courses', '/courses'],
					['course-new', '/courses/new'],
					['course', coursePath],
					['register', registerPath],
					['certificate', certificatePath]
				]) {
					await admin.goto(path);
					await look(admin, info, `${name}-${locale}-${size}`);
				}
				const visitor = await personIn(browser, baseURL!, null, locale, viewport);
				for (const [name, path] of [
					['verify', '/verify'],
					['verify-revoked', `/verify/${code}`],
					['verify-not-found', '/verify/ZZZZZZZZZZZZ']
				]) {
					await visitor.goto(path);
					await look(visitor, info, `${name}-${locale}-${size}`);
				}
				await admin.context().close();
				await visitor.context().close();
			}
	});
});

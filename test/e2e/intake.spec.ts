// Intake at a district centre, in both languages: a citizen brings an idea on a phone through
// the public form (no account), the first district's staff register them and refer them to a
// course, and the citizen's status page shows the new state.
import { expect, personIn, seriousViolations, test } from './support';

const STAFF = 'staff@rahkar.example';
const PHONE = { width: 390, height: 844 };
const WORDS = {
	en: { send: 'Send', waiting: 'Waiting to be looked at', referred: 'Referred to a course', course: 'Self-employment basics' },
	fa: { send: 'ارسال', waiting: 'در انتظار بررسی', referred: 'ارجاع‌شده به دوره', course: 'دوره خوداشتغالی' }
} as const;
const shot = (name: string) => test.info().outputPath(`${name}.png`);

for (const locale of ['en', 'fa'] as const) {
	test(`a citizen's idea from a phone to a course referral (${locale})`, async ({ browser, baseURL }) => {
		// Two people, three accessibility scans and the form's few seconds: longer than most.
		test.setTimeout(120_000);
		const words = WORDS[locale];
		const title = `${locale === 'fa' ? 'نان خانگی' : 'Home bakery'} ${Date.now()}`;

		// The citizen, on a phone, without an account.
		const citizen = await personIn(browser, baseURL!, null, locale, PHONE);
		await citizen.goto('/intake');
		await expect(citizen.locator('html')).toHaveAttribute('dir', locale === 'fa' ? 'rtl' : 'ltr');
		await citizen.locator('#districtId').selectOption({ index: 1 });
		await citizen.locator('input[name=kind][value=IDEA]').check();
		await citizen.locator('#title').fill(title);
		await citizen.locator('#name').fill(locale === 'fa' ? 'مریم احمدی' : 'Maryam Ahmadi');
		await citizen.locator('#phone').fill('09121234567');
		await citizen.locator('input[name=consent][value=STORE]').check();
		await citizen.locator('input[name=consent][value=CONTACT]').check();
		expect(await seriousViolations(citizen)).toEqual([]);
		await citizen.screenshot({ path: shot(`intake-form-${locale}`), fullPage: true });
		// The form's time token must be a few seconds old: a person takes that long anyway.
		await citizen.waitForTimeout(3200);
		await citizen.getByRole('button', { name: words.send, exact: true }).click();
		await expect(citizen).toHaveURL(/\/track\/RK-[2-9A-Z]{5}-[2-9A-Z]{5}\?new=1$/);
		const code = new URL(citizen.url()).pathname.split('/')[2];
		await expect(citizen.getByTestId('intake-status')).toHaveText(words.waiting);
		await expect(citizen.getByRole('main')).not.toContainText(title);
		if (locale === 'fa') await expect(citizen.locator('main time').first()).toHaveText(/[۰-۹]{4}/);
		expect(await seriousViolations(citizen)).toEqual([]);
		await citizen.screenshot({ path: shot(`intake-status-new-${locale}`), fullPage: true });

		// The district's staff: the queue, registering the citizen, referring them to a course.
		const staff = await personIn(browser, baseURL!, STAFF, locale);
		await staff.goto('/district/new');
		await expect(staff.locator('input[name=consent][value=STORE]')).toBeVisible();
		expect(await seriousViolations(staff)).toEqual([]);
		await staff.screenshot({ path: shot(`intake-desk-${locale}`), fullPage: true });
		await staff.goto('/district');
		expect(await seriousViolations(staff)).toEqual([]);
		await staff.screenshot({ path: shot(`intake-queue-${locale}`), fullPage: true });
		await staff.getByRole('link', { name: title }).click();
		await expect(staff).toHaveURL(/\/district\/c[a-z0-9]+$/);
		const registered = staff.waitForResponse((r) => r.url().includes('/register') && r.request().method() === 'POST');
		await staff.locator('form[action="?/register"] button').click();
		const answer = await registered;
		expect(answer.status(), await answer.text()).toBe(200);
		await expect(staff.locator('form[action="?/refer"]')).toBeVisible();
		await staff.locator('#course').fill(words.course);
		await staff.locator('form[action="?/refer"] button').click();
		await expect(staff.getByTestId('intake-status')).toHaveText(words.referred);
		expect(await seriousViolations(staff)).toEqual([]);
		await staff.screenshot({ path: shot(`intake-triage-${locale}`), fullPage: true });

		// The citizen's page shows where it stands now.
		await citizen.goto(`/track/${code}`);
		await expect(citizen.getByTestId('intake-status')).toHaveText(words.referred);
		await expect(citizen.getByRole('main')).toContainText(words.course);
		await citizen.screenshot({ path: shot(`intake-status-referred-${locale}`), fullPage: true });
	});
}

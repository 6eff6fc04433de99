// axe-core on the pages of the foundation, in both languages: no serious or critical findings.
import { expect, openFirstGroup, seriousViolations, signIn, test, USERS } from './support';

for (const locale of ['en', 'fa'] as const) {
	test.describe(`in ${locale}`, () => {
		test.beforeEach(async ({ context, baseURL }) => {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		});

		test('the sign-in page, also with an error shown', async ({ page }) => {
			await page.goto('/login');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			expect(await seriousViolations(page)).toEqual([]);
			await page.locator('#email').fill(USERS.observer);
			await page.locator('#password').fill('not-the-password');
			await page.locator('form:not([action]) button[type=submit]').click();
			await expect(page.getByRole('alert')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('the dashboard and a group page', async ({ page }) => {
			await signIn(page, USERS.executor);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			expect(await seriousViolations(page)).toEqual([]);
			await openFirstGroup(page);
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

// A group's page shows its six sides as a hexagon, labelled in the reader's language.
import { expect, GROUP_NAMES, groupLinks, personIn, signIn, test, USERS } from './support';

const SIDES_FA = ['کارآفرینان', 'صاحب‌نظران و کارشناسان', 'دستگاه‌ها و وزارتخانه‌ها', 'قوانین و مقررات', 'رسانه', 'مجری'];

test('the group page shows the six sides in Persian', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'fa', url: baseURL! }]);
	await signIn(page, USERS.moderator);
	await groupLinks(page).filter({ hasText: GROUP_NAMES[0] }).click();
	await expect(page).toHaveURL(/\/groups\/[^/]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(GROUP_NAMES[0]);

	const hexagon = page.getByRole('img', { name: /^شش ضلع/ });
	await expect(hexagon).toBeVisible();
	await expect(hexagon.locator('line')).toHaveCount(6);
	for (const side of SIDES_FA) {
		await expect(page.getByRole('heading', { level: 3, name: side, exact: true })).toBeVisible();
		await expect(hexagon).toHaveAttribute('aria-label', new RegExp(side));
	}
	// Every side of the demo group is seated, with Persian digits.
	await expect(hexagon.locator('text').last()).toHaveText('۶/۶');
	// The demo's series meets every two weeks on one weekday: said so, not "every 14 days".
	await expect(page.locator('main')).toContainText(/هر ۲ هفته یک‌بار، (شنبه|یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه)‌ها جلسه/);
});

test('the dashboard says how often each group meets, as its series says', async ({ browser, baseURL }) => {
	// In English whatever language an earlier test left saved on the account.
	const page = await personIn(browser, baseURL!, USERS.moderator, 'en');
	const card = page.locator('.groups li', { hasText: GROUP_NAMES[0] });
	await expect(card).toContainText(/Meets every 2 weeks, on (Saturday|Sunday|Monday|Tuesday|Wednesday|Thursday)/);
	await expect(card).not.toContainText('14 days');
});

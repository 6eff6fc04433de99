// A group's page shows its six sides as a hexagon, labelled in the reader's language.
import { expect, test } from '@playwright/test';
import { GROUP_NAMES, USERS, groupLinks, signIn } from './support';

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
});

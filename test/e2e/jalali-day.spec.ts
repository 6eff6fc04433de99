// Choosing a day in Persian is done in the Jalali calendar: day, month and year lists with
// Persian months and digits, stored as the matching Gregorian day and shown back in Jalali.
// In English the browser's own date input stays.
import { expect, test } from '@playwright/test';
import { GROUP_NAMES, USERS, signIn, switchLanguage } from './support';

test('a moderator sets an action item due on 15 Dey 1405 in Persian', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'fa', url: baseURL! }]);
	await signIn(page, USERS.moderator);
	await page.reload();
	if ((await page.locator('html').getAttribute('lang')) !== 'fa') await switchLanguage(page, 'fa');
	// The second demo group: the specs that count action items use the first.
	await page.getByRole('link', { name: GROUP_NAMES[1] }).click();
	await expect(page).toHaveURL(/\/groups\/[a-z0-9]+$/);
	await page.goto(`${new URL(page.url()).pathname}/actions`);

	const form = page.locator('form.create');
	const title = `بروشور بازارچه ${Date.now()}`;
	await form.getByLabel('چه کاری باید انجام شود').fill(title);
	await form.getByLabel('روز', { exact: true }).selectOption({ label: '۱۵' });
	await form.getByLabel('ماه', { exact: true }).selectOption({ label: 'دی' });
	await form.getByLabel('سال', { exact: true }).selectOption({ label: '۱۴۰۵' });
	await expect(form.locator('input[type=hidden][name=dueDate]')).toHaveValue('2027-01-05');
	await expect(form.locator('#new-due-spelled')).toHaveText('۱۵ دی ۱۴۰۵');
	await expect(form.getByLabel('روز', { exact: true }).locator('option:checked')).toHaveText('۱۵');
	await page
		.locator('form.filters, form.create')
		.first()
		.screenshot({ path: test.info().outputPath('jalali-filters-fa.png') });
	await form.screenshot({ path: test.info().outputPath('jalali-day-fa.png') });
	await form.getByRole('button', { name: 'افزودن' }).click();

	// The group's list shows it in a row, due on the day chosen.
	await expect(page.getByRole('row').filter({ hasText: title })).toContainText('۱۵ دی ۱۴۰۵');

	// Esfand 30 exists only in a leap year: choosing it in 1405 moves to the month's last day.
	await form.getByLabel('ماه', { exact: true }).selectOption({ label: 'اسفند' });
	await form.getByLabel('سال', { exact: true }).selectOption({ label: '۱۴۰۵' });
	await expect(form.getByLabel('روز', { exact: true }).locator('option')).toHaveCount(30); // "روز" + 29 days

	await switchLanguage(page, 'en');
	await expect(page.locator('form.create input[type=date]')).toBeVisible();
});

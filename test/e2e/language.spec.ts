// The header's language switch: Persian right-to-left and back, remembered across reloads.
import { expect, test } from '@playwright/test';
import { USERS, signIn, switchLanguage } from './support';

test('switching to Persian lays the page out right-to-left, and back to English', async ({ page }) => {
	// The member's saved preference changes here; no other test signs in as the member.
	await signIn(page, USERS.member);
	const html = page.locator('html');
	await expect(html).toHaveAttribute('dir', 'ltr');
	await expect(html).toHaveAttribute('lang', 'en');

	await switchLanguage(page, 'fa');
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(html).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('کارگروه‌های شما');

	await page.reload();
	await expect(html).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('کارگروه‌های شما');

	await switchLanguage(page, 'en');
	await expect(html).toHaveAttribute('dir', 'ltr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your working groups');
	await page.reload();
	await expect(html).toHaveAttribute('lang', 'en');
});

test('the language chosen before signing in stays after signing in', async ({ page }) => {
	await page.goto('/login');
	await switchLanguage(page, 'fa');
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('ورود');
	await page.locator('#email').fill(USERS.observer);
	await page.locator('#password').fill('e2e-password-1');
	await page.getByRole('button', { name: 'ورود' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

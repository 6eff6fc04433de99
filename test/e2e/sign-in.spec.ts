// Signing in: the dashboard after a right password, an alert and no session after a wrong one.
import { expect, test } from '@playwright/test';
import { GROUP_NAMES, PASSWORD, USERS, groupLinks, signIn } from './support';

test('a moderator signs in and lands on the dashboard with the demo groups', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await signIn(page, USERS.moderator);
	await expect(page.getByRole('heading', { level: 1, name: 'Your working groups' })).toBeVisible();
	await expect(groupLinks(page)).toHaveText(GROUP_NAMES);
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a wrong password shows an alert and starts no session', async ({ page, context }) => {
	await page.goto('/login');
	await page.locator('#email').fill(USERS.member);
	await page.locator('#password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email or password is not right.');
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('#email')).toHaveValue(USERS.member);
	expect((await context.cookies()).filter((c) => c.name.includes('session_token'))).toEqual([]);
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
});

test('what someone types before the page has finished loading is kept', async ({ page }) => {
	// A slow network: the page's scripts arrive well after its HTML, and the person types at once.
	let scriptsDone = 0;
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
		scriptsDone++;
	});
	await page.goto('/login', { waitUntil: 'commit' });
	await page.locator('#email').fill(USERS.member);
	expect(scriptsDone).toBe(0);
	await page.waitForLoadState('networkidle');
	// The page has now hydrated; the email typed before is still there.
	await expect(page.locator('#email')).toHaveValue(USERS.member);
	await page.locator('#password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
});

// Shared steps for the end-to-end tests: the demo's accounts and signing in through the form.
import { expect, type Browser, type Page } from '@playwright/test';

/** RAHKAR_DEMO_PASSWORD as playwright.config.ts starts the server. */
export const PASSWORD = 'e2e-password-1';

export const USERS = {
	admin: 'admin@rahkar.example',
	moderator: 'moderator@rahkar.example',
	executor: 'executor@rahkar.example',
	member: 'member@rahkar.example',
	observer: 'observer@rahkar.example'
} as const;

export const GROUP_NAMES = ['کارگروه کسب‌وکارهای خانگی', 'کارگروه گردشگری محله‌ای'];

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.locator('form:not([action]) button[type=submit]').click();
	await expect(page).toHaveURL(/\/dashboard$/);
}

/** The dashboard's group cards: each has its name as a level-2 heading linking to the group. */
export const groupLinks = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).locator('a[href^="/groups/"]');

/** Opens the first group listed on the dashboard. */
export async function openFirstGroup(page: Page): Promise<void> {
	await groupLinks(page).first().click();
	await expect(page).toHaveURL(/\/groups\/[^/]+$/);
}

/** On a phone the header's links and tools are behind the menu button: opens it if shown. */
export async function openMenu(page: Page): Promise<void> {
	const button = page.locator('header.bar .menu-button');
	if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Chooses the language through the header's switch (a form post, as without JavaScript). */
export async function switchLanguage(page: Page, to: 'en' | 'fa'): Promise<void> {
	await openMenu(page);
	await page.locator(`form[action="/locale"] button[lang="${to}"]`).click();
	await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** A signed-in person in a browser context of their own, in the given language (a language
 * saved on the account by another test wins at sign-in, from the next load: choose ours again). */
export async function personIn(
	browser: Browser,
	baseURL: string,
	email: string,
	locale: 'en' | 'fa',
	viewport = { width: 1280, height: 900 }
) {
	const context = await browser.newContext({ viewport, locale: 'en-US' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
	const page = await context.newPage();
	await signIn(page, email);
	await page.reload();
	if ((await page.locator('html').getAttribute('lang')) !== locale) await switchLanguage(page, locale);
	return page;
}

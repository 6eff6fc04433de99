// Shared steps for the end-to-end tests: the demo's accounts, signing in through the form,
// people in browser contexts of their own, and the accessibility scan.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };

/** The contexts `personIn` opened in the running test. */
const opened = new Set<BrowserContext>();

/** Playwright's test, closing every context `personIn` opened when the test ends, passed or
 * failed: a page left open keeps its live sockets, reconnects and renders for the rest of the
 * run, and slows every test after it. */
export const test = base.extend<{ closesPeople: void }>({
	closesPeople: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from this pattern
		async ({}, use) => {
			await use();
			const contexts = [...opened];
			opened.clear();
			await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
		},
		{ auto: true }
	]
});

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

/** A person in a browser context of their own, in the given language, signed in unless
 * `email` is null (a visitor). A language saved on the account by another test wins at sign-in
 * (in the cookie; the page, reached by client-side navigation, keeps its old lang): choose ours
 * again. The context is closed when the test ends. */
export async function personIn(
	browser: Browser,
	baseURL: string,
	email: string | null,
	locale: 'en' | 'fa',
	viewport = { width: 1280, height: 900 }
): Promise<Page> {
	const context = await browser.newContext({ viewport, locale: 'en-US' });
	opened.add(context);
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
	const page = await context.newPage();
	if (!email) return page;
	await signIn(page, email);
	const chosen = (await context.cookies()).find((c) => c.name === 'PARAGLIDE_LOCALE')?.value;
	if (chosen !== locale) {
		await page.reload();
		await switchLanguage(page, locale);
	}
	return page;
}

/** axe's serious and critical findings against WCAG 2.1 A/AA and best practice. */
export async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

// The Content-Security-Policy lets the whole app work: the main pages, in both languages,
// with the live meeting room's sockets and the agenda's rich-text editor, run with no CSP
// violation, no console error and no uncaught exception in Chromium.
import { expect, test, type Page } from '@playwright/test';
import { USERS, openFirstGroup, signIn, switchLanguage } from './support';

/** Collects everything that would show the policy getting in the way. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	// securitypolicyviolation events, from the first script on each document.
	void page.exposeFunction('__cspViolation', (v: string) => problems.push(`violation: ${v}`));
	void page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __cspViolation(v: string): void }).__cspViolation(
				`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`
			);
		});
	});
	return problems;
}

for (const locale of ['en', 'fa'] as const) {
	test(`the main pages run under the CSP with a clean console (${locale})`, async ({ page }) => {
		const problems = watch(page);
		const csp = (await page.goto('/login'))!.headers()['content-security-policy'];
		expect(csp).toMatch(/script-src 'self' 'nonce-/);
		await signIn(page, USERS.moderator);
		if ((await page.locator('html').getAttribute('lang')) !== locale) await switchLanguage(page, locale);
		await expect(page.getByRole('main')).toBeVisible();

		await openFirstGroup(page);
		await expect(page.getByRole('main')).toBeVisible();

		// A meeting room: the sockets connect (connect-src) and the agenda's editor works.
		await page.goto('/dashboard');
		await page.locator('.upcoming a').first().click();
		await expect(page).toHaveURL(/\/meetings\/[a-z0-9]+$/);
		await expect(page.getByTestId('connection')).toHaveClass(/live/);
		const add = page.getByRole('button', { name: locale === 'en' ? 'Add an item' : 'افزودن بند' });
		await add.click();
		const title = page.locator('.agenda textarea[placeholder]').last();
		await title.fill(locale === 'en' ? 'CSP check item' : 'بند بررسی سیاست امنیتی');
		const notes = page.locator('.notes [contenteditable=true]').last();
		await notes.click();
		await page.keyboard.type(locale === 'en' ? 'Notes typed under the policy' : 'یادداشت زیر سیاست امنیتی');
		await expect(notes).toContainText(locale === 'en' ? 'Notes typed under the policy' : 'یادداشت زیر سیاست امنیتی');
		// Saved through the Yjs socket.
		await page.reload();
		await expect(page.getByTestId('connection')).toHaveClass(/live/);
		await expect(page.locator('.notes').last()).toContainText(
			locale === 'en' ? 'Notes typed under the policy' : 'یادداشت زیر سیاست امنیتی'
		);

		await page.goto('/people');
		await expect(page.getByRole('main')).toBeVisible();
		// The fonts (bundled Vazirmatn) loaded under font-src.
		expect(await page.evaluate(() => document.fonts.check('16px "Vazirmatn Variable"'))).toBe(true);

		expect(problems).toEqual([]);
	});
}

// The foundation's pages at desktop and phone width, in both languages: nothing overflows
// sideways, and full-page screenshots are attached to the report for a human to look at.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { USERS, openFirstGroup, signIn } from './support';

const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function capture(page: Page, info: TestInfo, name: string) {
	await page.evaluate(() => document.fonts.ready);
	// No sideways scrolling: the page fits the viewport at every width.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${name} overflows sideways by ${overflow}px`).toBeLessThanOrEqual(0);
	const path = info.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await info.attach(name, { path, contentType: 'image/png' });
}

for (const [width, viewport] of Object.entries(WIDTHS)) {
	for (const locale of ['en', 'fa'] as const) {
		test(`${width}, ${locale}: sign-in, dashboard and group pages fit`, async ({ page, context, baseURL }, info) => {
			await page.setViewportSize(viewport);
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			await page.goto('/login');
			await capture(page, info, `login-${locale}-${width}`);
			await signIn(page, USERS.moderator);
			await capture(page, info, `dashboard-${locale}-${width}`);
			await openFirstGroup(page);
			await capture(page, info, `group-${locale}-${width}`);
		});
	}
}

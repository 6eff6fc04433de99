// The live meeting in two browsers: the moderator starts it, sets the current item and
// starts the timer; a member sees both, raises a hand and checks in; the moderator sees
// that. The room passes axe in both languages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page, type WebSocketRoute } from '@playwright/test';
import { USERS, signIn, switchLanguage } from './support';

async function personIn(browser: Browser, baseURL: string, email: string, locale: 'en' | 'fa', viewport = { width: 1280, height: 900 }) {
	const context = await browser.newContext({ viewport, locale: 'en-US' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
	const page = await context.newPage();
	await signIn(page, email);
	// A language saved on the account (by another test) wins at sign-in, from the next full
	// page load on: load once more, then choose ours again if it differs.
	await page.reload();
	if ((await page.locator('html').getAttribute('lang')) !== locale) await switchLanguage(page, locale);
	return page;
}

/** Opens the first upcoming meeting on the dashboard whose status is one of `wanted`
 * (other specs may already have run or closed the earlier ones). */
async function openMeeting(page: Page, wanted: RegExp) {
	const count = await page.locator('.upcoming a').count();
	for (let i = 0; i < count; i++) {
		await page.goto('/dashboard');
		await page.locator('.upcoming a').nth(i).click();
		await expect(page).toHaveURL(/\/meetings\/[a-z0-9]+$/);
		if (wanted.test((await page.getByTestId('meeting-status').getAttribute('class')) ?? '')) return;
	}
	throw new Error('no upcoming meeting in the wanted state');
}

const connected = (page: Page) => expect(page.getByTestId('connection')).toHaveClass(/live/);

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test('a moderator runs the meeting and a member follows it live', async ({ browser, baseURL }) => {
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await openMeeting(moderator, /status-SCHEDULED/);
	const room = moderator.url();
	await connected(moderator);
	await moderator.getByTestId('lifecycle').click();
	await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');

	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda input[placeholder]').last().fill('Pilot shop for home bakers');

	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	await member.goto(room);
	await connected(member);

	await moderator.getByTestId('choose-item').selectOption({ label: '1. Pilot shop for home bakers' });
	await moderator.locator('.timer input[type=number]').fill('5');
	await moderator.getByTestId('timer-start').click();

	await expect(member.getByTestId('current-item')).toContainText('Pilot shop for home bakers');
	// Persian digits on the member's clock, counting down from ۰۵:۰۰.
	await expect(member.getByTestId('timer-clock')).toHaveText(/^۰[۴۵]:[۰-۹]{2}$/);

	await member.getByTestId('hand').click();
	await member.getByTestId('checkin').click();
	await expect(moderator.getByTestId('queue')).toContainText('مریم احمدی');
	await expect(moderator.getByTestId('quorum')).toContainText('1 of 6');

	await moderator.getByTestId('queue-next').click();
	await expect(member.getByTestId('speaker')).toContainText('مریم احمدی');

	expect(await seriousViolations(moderator)).toEqual([]);
	expect(await seriousViolations(member)).toEqual([]);
	await moderator.screenshot({ path: test.info().outputPath('room-moderator-en.png'), fullPage: true });
	await member.screenshot({ path: test.info().outputPath('room-member-fa-phone.png'), fullPage: true });
});

test('two browsers co-edit the agenda and each sees the other at once, saved', async ({ browser, baseURL }) => {
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await openMeeting(moderator, /status-(SCHEDULED|LIVE)/);
	const room = moderator.url();
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	await member.goto(room);
	const status = (page: Page) => page.locator('.agenda [data-status]');

	await member.getByRole('button', { name: 'افزودن بند' }).click();
	await member.locator('.agenda input[placeholder]').last().fill('بند پیشنهادی عضو');
	await expect(moderator.locator('.agenda input[placeholder]').last()).toHaveValue('بند پیشنهادی عضو');
	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda input[placeholder]').last().fill('Budget for the pilot');
	await expect(member.locator('.agenda input[placeholder]').last()).toHaveValue('Budget for the pilot');
	await expect(status(moderator)).toHaveAttribute('data-status', 'saved');
	await expect(status(member)).toHaveAttribute('data-status', 'saved');
});

/** Puts a page's WebSockets behind a switch, as a network that drops would: `cut()` takes
 * the network away (open sockets close, new ones fail, HTTP fails) and `restore()` brings
 * it back. Chromium's offline mode alone leaves open WebSockets running. */
async function unreliableNetwork(page: Page) {
	let up = true;
	const open = new Set<WebSocketRoute>();
	await page.routeWebSocket(/\/(collab|socket\.io)\//, (ws) => {
		if (!up) return void ws.close({ code: 4000, reason: 'network down' });
		ws.connectToServer();
		open.add(ws);
		ws.onClose(() => open.delete(ws));
	});
	return {
		async cut() {
			up = false;
			await page.context().setOffline(true);
			for (const ws of [...open]) await ws.close({ code: 4000, reason: 'network down' });
		},
		async restore() {
			up = true;
			await page.context().setOffline(false);
		}
	};
}

test('an edit made while the network is away is kept and arrives when it returns', async ({ browser, baseURL }) => {
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await openMeeting(moderator, /status-(SCHEDULED|LIVE)/);
	const room = moderator.url();
	const member = await personIn(browser, baseURL!, USERS.member, 'en', { width: 390, height: 844 });
	const network = await unreliableNetwork(member);
	await member.goto(room);
	const status = (page: Page) => page.locator('.agenda [data-status]');
	const titles = (page: Page) => page.locator('.agenda input[placeholder]');
	await expect(status(member)).toHaveAttribute('data-status', 'saved');
	const title = `Written on the train ${Date.now()}`;

	await network.cut();
	await expect(status(member)).toHaveAttribute('data-status', 'offline');
	await member.getByRole('button', { name: 'Add an item' }).click();
	await titles(member).last().fill(title);
	// The page says the edit is not saved yet, and the other browser has not seen it.
	await expect(status(member)).toHaveAttribute('data-status', 'offline');
	await expect(status(member)).toContainText('kept on this device');
	await member.screenshot({ path: test.info().outputPath('room-offline-phone.png') });
	await moderator.waitForTimeout(1000);
	expect(await titles(moderator).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).not.toContain(title);

	await network.restore();
	await expect(titles(moderator).last()).toHaveValue(title, { timeout: 15_000 });
	await expect(status(member)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
	await expect(status(moderator)).toHaveAttribute('data-status', 'saved');
});

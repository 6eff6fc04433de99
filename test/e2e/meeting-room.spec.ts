// The live meeting in two browsers: the moderator starts it, sets the current item and
// starts the timer; a member sees both, raises a hand and checks in; the moderator sees
// that. The room passes axe in both languages. Every panel follows the meeting without a
// reload (a vote opened right after the start); a closed agenda is read-only at once, and
// an edit made offline before the close is reported as not saved and dropped; signing out
// takes the agenda's offline copy out of the browser.
import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, GROUP_NAMES, personIn, seriousViolations, test, USERS } from './support';

/** Opens the first upcoming meeting on the dashboard whose status is one of `wanted`
 * (other specs may already have run or closed the earlier ones). Two-person tests open it
 * from the member's dashboard: the moderator also runs a group the member is not in. */
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

test('a moderator runs the meeting and a member follows it live', async ({ browser, baseURL }) => {
	// Two browsers through the whole meeting, then an accessibility scan of each.
	test.slow();
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	// A meeting of the member's group, found from the member's dashboard: the moderator also
	// runs a group the member is not in, and the projector spec may have started this one
	// already (a group runs one live meeting at a time).
	await openMeeting(member, /status-(SCHEDULED|LIVE)/);
	const room = member.url();
	await moderator.goto(room);
	await connected(moderator);
	if (!(await moderator.getByTestId('meeting-status').getAttribute('class'))?.includes('status-LIVE')) {
		await moderator.getByTestId('lifecycle').click();
	}
	await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');

	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda textarea[placeholder]').last().fill('Pilot shop for home bakers');

	await member.reload();
	await connected(member);

	// By its title: other specs may have added items to this meeting's agenda before.
	const pilot = moderator.getByTestId('choose-item').locator('option', { hasText: 'Pilot shop for home bakers' });
	await moderator.getByTestId('choose-item').selectOption((await pilot.getAttribute('value'))!);
	await moderator.locator('.timer input[type=number]').fill('5');
	await moderator.getByTestId('timer-start').click();

	await expect(member.getByTestId('current-item')).toContainText('Pilot shop for home bakers');
	// Persian digits on the member's clock, counting down from ۰۵:۰۰.
	await expect(member.getByTestId('timer-clock')).toHaveText(/^۰[۴۵]:[۰-۹]{2}$/);

	// Unless the projector spec already left the hand raised or the member checked in.
	const hand = member.getByTestId('hand');
	await expect(hand).toBeEnabled();
	if (!(await hand.getAttribute('class'))?.includes('quiet')) await hand.click();
	await expect(hand).toHaveClass(/quiet/);
	const checkin = member.getByTestId('checkin');
	if (!(await checkin.getAttribute('class'))?.includes('quiet')) await checkin.click();
	await expect(checkin).toHaveClass(/quiet/);
	await expect(moderator.getByTestId('queue')).toContainText('مریم احمدی');
	await expect(moderator.getByTestId('quorum')).toContainText(/1 of \d+ voting members present, 6 needed/);

	await moderator.getByTestId('queue-next').click();
	await expect(member.getByTestId('speaker')).toContainText('مریم احمدی');

	expect(await seriousViolations(moderator)).toEqual([]);
	expect(await seriousViolations(member)).toEqual([]);
	await moderator.screenshot({ path: test.info().outputPath('room-moderator-en.png'), fullPage: true });
	await member.screenshot({ path: test.info().outputPath('room-member-fa-phone.png'), fullPage: true });
});

test('two browsers co-edit the agenda and each sees the other at once, saved', async ({ browser, baseURL }) => {
	// Two sign-ins and a walk through the member's dashboard before the edits.
	test.slow();
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	await openMeeting(member, /status-(SCHEDULED|LIVE)/);
	await moderator.goto(member.url());
	const status = (page: Page) => page.locator('.agenda [data-status]');

	await member.getByRole('button', { name: 'افزودن بند' }).click();
	await member.locator('.agenda textarea[placeholder]').last().fill('بند پیشنهادی عضو');
	await expect(moderator.locator('.agenda textarea[placeholder]').last()).toHaveValue('بند پیشنهادی عضو');
	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda textarea[placeholder]').last().fill('Budget for the pilot');
	await expect(member.locator('.agenda textarea[placeholder]').last()).toHaveValue('Budget for the pilot');
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
	// Two browsers, a cut and a restored network, and up to 15 s for each reconnect.
	test.slow();
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	const member = await personIn(browser, baseURL!, USERS.member, 'en', { width: 390, height: 844 });
	await openMeeting(member, /status-(SCHEDULED|LIVE)/);
	const room = member.url();
	await moderator.goto(room);
	// The member's sockets go through the switch from the next load on.
	const network = await unreliableNetwork(member);
	await member.reload();
	const status = (page: Page) => page.locator('.agenda [data-status]');
	const titles = (page: Page) => page.locator('.agenda textarea[placeholder]');
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
	expect(await titles(moderator).evaluateAll((inputs) => inputs.map((i) => (i as HTMLTextAreaElement).value))).not.toContain(title);

	await network.restore();
	await expect(titles(moderator).last()).toHaveValue(title, { timeout: 15_000 });
	await expect(status(member)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
	await expect(status(moderator)).toHaveAttribute('data-status', 'saved');
});

/** Marks the page's document, so that a test can tell it was never reloaded since. */
const markLoad = (page: Page) => page.evaluate(() => Object.assign(window, { sameLoad: true }));
const sameLoad = (page: Page) => page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad === true);

/** The agenda's copies in this browser's IndexedDB (y-indexeddb databases). */
const offlineCopies = (page: Page) =>
	page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('rahkar:')));

test('signing out takes the agenda’s offline copy out of the browser', async ({ browser, baseURL }) => {
	const member = await personIn(browser, baseURL!, USERS.member, 'en');
	await openMeeting(member, /status-(SCHEDULED|LIVE)/);
	await connected(member);
	await expect(member.locator('.agenda [data-status]')).toHaveAttribute('data-status', 'saved');
	// The copy exists, under this user's own name.
	await expect.poll(() => offlineCopies(member)).toEqual([expect.stringMatching(/^rahkar:[a-z0-9]+:meeting\.[a-z0-9]+\.agenda$/)]);

	await member.getByRole('button', { name: 'Sign out' }).click();
	await expect(member).toHaveURL(/\/login$/);
	expect(await offlineCopies(member)).toEqual([]);
});

test('a closed agenda is read-only at once, and edits made offline before the close are reported as not saved and dropped', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const status = (page: Page) => page.locator('.agenda [data-status]');
	const titles = (page: Page) => page.locator('.agenda li.item .title');
	const titleTexts = (page: Page) =>
		titles(page).evaluateAll((els) =>
			els.map((e) => (e instanceof HTMLTextAreaElement ? e.value : (e.querySelector('textarea')?.value ?? e.textContent ?? '')).trim())
		);
	/** No way left to change the agenda: no fields, no ✕/↑/↓, no "Add an item", notes not editable. */
	const readOnly = async (page: Page) => {
		const agenda = page.locator('section.agenda');
		await expect(agenda.locator('input, select, button')).toHaveCount(0);
		await expect(agenda.locator('[contenteditable=true]')).toHaveCount(0);
		await expect(agenda.locator('.notes-body').first()).toHaveAttribute('aria-readonly', 'true');
	};

	// Two seated members, each on a network that will drop: one in Persian, one in English.
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	const executor = await personIn(browser, baseURL!, USERS.executor, 'en');
	const networks = [await unreliableNetwork(member), await unreliableNetwork(executor)];
	await openMeeting(member, /status-(SCHEDULED|LIVE)/);
	const room = member.url();
	await executor.goto(room);
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await moderator.goto(room);
	await connected(moderator);
	if ((await moderator.getByTestId('meeting-status').getAttribute('class'))?.includes('status-SCHEDULED'))
		await moderator.getByTestId('lifecycle').click();
	await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');
	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda textarea[placeholder]').last().fill('Kept: the item written before the close');
	for (const page of [member, executor]) {
		await expect(page.locator('.agenda textarea[placeholder]').last()).toHaveValue('Kept: the item written before the close');
		await expect(status(page)).toHaveAttribute('data-status', 'saved');
	}

	// Offline while the meeting is live, each adds an item; then the moderator closes the meeting.
	const stale = { member: `بند نوشته‌شده در قطار ${Date.now()}`, executor: `Written on the train ${Date.now()}` };
	for (const network of networks) await network.cut();
	await member.getByRole('button', { name: 'افزودن بند' }).click();
	await member.locator('.agenda textarea[placeholder]').last().fill(stale.member);
	await executor.getByRole('button', { name: 'Add an item' }).click();
	await executor.locator('.agenda textarea[placeholder]').last().fill(stale.executor);
	await expect(status(member)).toHaveAttribute('data-status', 'offline');
	await expect(status(executor)).toHaveAttribute('data-status', 'offline');
	await markLoad(moderator);
	await moderator.getByTestId('lifecycle').click();
	await expect(moderator.getByTestId('meeting-status')).toHaveText('Closed');
	// The moderator's agenda turns read-only the moment the meeting closes.
	await readOnly(moderator);
	await expect(moderator.locator('section.agenda')).toContainText('The meeting is closed: its agenda is part of the minutes');
	expect(await sameLoad(moderator)).toBe(true);
	await moderator.screenshot({ path: test.info().outputPath('agenda-closed-en.png'), fullPage: true });

	// The network returns: each learns the meeting closed, and that its edit was not saved.
	for (const network of networks) await network.restore();
	await expect(member.getByTestId('meeting-status')).toHaveText('پایان‌یافته', { timeout: 30_000 });
	await expect(status(member)).toHaveAttribute('data-status', 'refused', { timeout: 15_000 });
	await expect(status(member)).toHaveText('ذخیره نشد — جلسه بسته شده است');
	await expect(status(executor)).toHaveAttribute('data-status', 'refused', { timeout: 15_000 });
	await expect(status(executor)).toHaveText('Not saved — the meeting is closed');
	for (const page of [member, executor]) await readOnly(page);
	// The refused items are gone from the page…
	await expect.poll(() => titleTexts(member)).not.toContain(stale.member);
	await expect.poll(() => titleTexts(executor)).not.toContain(stale.executor);
	await member.screenshot({ path: test.info().outputPath('agenda-refused-fa-phone.png'), fullPage: true });
	await executor.screenshot({ path: test.info().outputPath('agenda-refused-en.png'), fullPage: true });

	// …and from this browser's copy: after a reload every page shows the record, the same for all.
	await moderator.reload();
	await expect(status(moderator)).toHaveAttribute('data-status', 'saved');
	const record = await titleTexts(moderator);
	expect(record).toContain('Kept: the item written before the close');
	expect(record).not.toContain(stale.member);
	expect(record).not.toContain(stale.executor);
	for (const page of [member, executor]) {
		await page.reload();
		await expect(status(page)).toHaveAttribute('data-status', 'saved');
		await expect.poll(() => titleTexts(page)).toEqual(record);
		await readOnly(page);
	}
	await member.screenshot({ path: test.info().outputPath('agenda-closed-fa-phone.png'), fullPage: true });
});

// After the closed-agenda test: a group runs one live meeting at a time, and this one starts the next.
test('right after the moderator starts the meeting, a vote is opened and the member votes, with no reload', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	// A proposal in review in the member's group: what a vote decides.
	const title = `Shared oven for home bakers ${Date.now()}`;
	await moderator.getByRole('link', { name: GROUP_NAMES[0] }).first().click();
	await expect(moderator).toHaveURL(/\/groups\/[a-z0-9]+$/);
	await moderator.goto(`${new URL(moderator.url()).pathname}/proposals/new`);
	await moderator.getByLabel('Title').fill(title);
	await moderator.getByRole('button', { name: 'File and submit' }).click();
	await expect(moderator).toHaveURL(/\/proposals\/[a-z0-9]+$/);
	await moderator.getByLabel('Why (kept on the timeline)').fill('On the next agenda');
	await moderator.getByRole('button', { name: 'Start the review' }).click();
	await expect(moderator.locator('.head').getByText('In review')).toBeVisible();

	// Both in the room of a meeting that has not started.
	await openMeeting(member, /status-SCHEDULED/);
	const room = member.url();
	await moderator.goto(room);
	await connected(moderator);
	await connected(member);
	const panel = moderator.locator('#votes');
	const memberPanel = member.locator('#votes');
	await expect(memberPanel).toContainText('رأی‌گیری در جلسه‌ی زنده انجام می‌شود.');
	await markLoad(moderator);
	await markLoad(member);

	await moderator.getByTestId('lifecycle').click();
	await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');
	await expect(member.getByTestId('meeting-status')).toHaveText('در حال برگزاری');
	// The member's panel knows the meeting is live, from the room's state.
	await expect(memberPanel).toContainText('رأی‌گیری بازی نیست.');
	await expect(memberPanel).not.toContainText('رأی‌گیری در جلسه‌ی زنده انجام می‌شود.');
	await panel.getByLabel('Open a vote on').selectOption({ label: title });
	await panel.getByRole('button', { name: 'Open the vote' }).click();
	await expect(memberPanel.getByRole('heading', { name: new RegExp(title) })).toBeVisible();
	await expect(panel.getByText(/^0 of the 0 voting members present have voted/)).toBeVisible();

	// Checking in after the vote opened: the count of those present follows at once.
	await member.getByTestId('checkin').click();
	await expect(panel.getByText(/^0 of the 1 voting members present have voted/)).toBeVisible();
	await memberPanel.getByRole('button', { name: 'موافق' }).click();
	await expect(memberPanel.getByText('رأی شما: موافق')).toBeVisible();
	await expect(panel.getByText(/^1 of the 1 voting members present have voted/)).toBeVisible();
	await expect(memberPanel.getByText(/^۱ نفر از ۱ عضو حاضرِ دارای رأی، رأی داده‌اند/)).toBeVisible();
	await member.screenshot({ path: test.info().outputPath('vote-after-start-fa-phone.png'), fullPage: true });
	await moderator.screenshot({ path: test.info().outputPath('vote-after-start-en.png'), fullPage: true });

	await panel.getByRole('button', { name: 'Close the vote' }).click();
	await expect(memberPanel.getByRole('heading', { name: 'نتیجه‌ها' })).toBeVisible();
	await expect(memberPanel).toContainText(title);
	expect(await sameLoad(moderator)).toBe(true);
	expect(await sameLoad(member)).toBe(true);
});

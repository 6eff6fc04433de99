// What a new user stumbles on (issue 15): agenda titles that wrap on a phone, with their
// controls out of the way and big enough for a finger; a removed agenda item that one tap
// brings back with its notes, in every browser; destructive actions that ask first
// (cancelling a meeting, removing a member); and the phone's one-bar header whose menu
// opens, closes with Escape and navigates; /actions' headings in order.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, GROUP_NAMES, personIn, test, USERS } from './support';

const PHONE = { width: 390, height: 844 };

/** Opens the first upcoming meeting on the dashboard that is scheduled or live. */
async function openMeeting(page: Page) {
	await page.goto('/dashboard');
	const count = await page.locator('.upcoming a').count();
	for (let i = 0; i < count; i++) {
		await page.goto('/dashboard');
		await page.locator('.upcoming a').nth(i).click();
		await expect(page).toHaveURL(/\/meetings\/[a-z0-9]+$/);
		if (/status-(SCHEDULED|LIVE)/.test((await page.getByTestId('meeting-status').getAttribute('class')) ?? '')) return;
	}
	throw new Error('no upcoming meeting that is scheduled or live');
}

/** The agenda items' titles as the page shows them. */
const titles = (page: Page) =>
	page.locator('.agenda textarea[placeholder]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
const saved = (page: Page) => expect(page.locator('.agenda [data-status]')).toHaveAttribute('data-status', 'saved');

test('a removed agenda item comes back with its notes, in both browsers, with one tap on Undo', async ({ browser, baseURL }) => {
	test.slow();
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await openMeeting(moderator);
	const room = moderator.url();
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', PHONE);
	await member.goto(room);
	await saved(moderator);
	await saved(member);

	const title = `Packaging costs for the members’ shared kitchen, and who pays for the labels ${Date.now()}`;
	const notes = 'Quotes from three printers; the cheapest needs 500 labels at least.';
	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda textarea[placeholder]').last().fill(title);
	const mine = moderator.locator('.agenda li.item').last();
	await mine.locator('.notes-body').click();
	await moderator.keyboard.type(notes);
	const theirs = member.locator('.agenda li.item').last();
	await expect(theirs.locator('textarea[placeholder]')).toHaveValue(title);
	await expect(theirs.locator('.notes-body')).toContainText(notes);
	await saved(moderator);

	// On the phone the long title wraps to several lines, whole, and the controls sit under it
	// at finger size.
	const box = theirs.locator('textarea[placeholder]');
	const shape = await box.evaluate((el) => ({
		lines: el.clientHeight / parseFloat(getComputedStyle(el).lineHeight),
		clipped: el.scrollHeight - el.clientHeight
	}));
	expect(shape.lines).toBeGreaterThan(1.9);
	expect(shape.clipped).toBeLessThanOrEqual(1);
	const remove = theirs.getByRole('button', { name: /^حذف/ });
	const target = (await remove.boundingBox())!;
	expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(44);
	expect(target.y).toBeGreaterThan((await box.boundingBox())!.y + (await box.boundingBox())!.height - 1);

	// Removed: gone from both pages, and the moderator is offered to take it back.
	await mine.getByRole('button', { name: `Remove ${title}` }).click();
	await expect.poll(() => titles(member)).not.toContain(title);
	const undo = moderator.getByTestId('agenda-undo');
	await expect(undo).toContainText('was removed, with its notes');
	await expect(undo.getByRole('button', { name: `Bring back “${title}”` })).toBeFocused();
	await undo.getByRole('button', { name: `Bring back “${title}”` }).click();
	await expect(undo).toHaveCount(0);

	// Back in both browsers, in its place, with its notes; and stored.
	await expect.poll(() => titles(member)).toContain(title);
	const back = member.locator('.agenda li.item').filter({ has: member.locator('.notes-body', { hasText: notes }) });
	await expect(back.locator('textarea[placeholder]')).toHaveValue(title);
	await expect(moderator.locator('.agenda li.item').last().locator('.notes-body')).toContainText(notes);
	await saved(moderator);
	await member.reload();
	await expect(member.locator('.agenda li.item').last().locator('.notes-body')).toContainText(notes);
});

test('cancelling a meeting and removing a member ask first, and going back changes nothing', async ({ browser, baseURL }) => {
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await moderator.getByRole('link', { name: GROUP_NAMES[0] }).click();
	await expect(moderator).toHaveURL(/\/groups\/[a-z0-9]+$/);
	const groupPath = new URL(moderator.url()).pathname;

	// Members: "Remove" opens a question naming the person; "Go back" keeps them.
	const member = moderator.locator('.members li').first();
	const name = (await member.locator('a.name').textContent())!.trim();
	await member.getByRole('button', { name: `Remove ${name} from the group` }).click();
	const removeDialog = moderator.getByRole('dialog', { name: /^Remove .+ from the group\?$/ });
	await expect(removeDialog).toBeVisible();
	await expect(removeDialog).toContainText('loses their seat and side in this group');
	await removeDialog.getByRole('button', { name: 'Go back' }).click();
	await expect(removeDialog).toBeHidden();
	await moderator.reload();
	await expect(moderator.locator('.members li a.name', { hasText: name })).toHaveCount(1);

	// A meeting: one click on "Cancel this meeting" cancels nothing; confirming does, and it
	// is brought back (other tests use these meetings).
	await moderator.goto(`${groupPath}/meetings`);
	const meeting = moderator.locator('li.meeting[data-status="SCHEDULED"]').last();
	const path = await meeting.locator('a.when').evaluate((a) => (a as HTMLAnchorElement).pathname);
	const card = moderator.locator('li.meeting').filter({ has: moderator.locator(`a.when[href="${path}"]`) });
	await card.getByRole('button', { name: 'Cancel this meeting' }).click();
	const cancelDialog = moderator.getByRole('dialog', { name: 'Cancel this meeting?' });
	await expect(cancelDialog).toBeVisible();
	await expect(cancelDialog.getByRole('button', { name: 'Go back' })).toBeFocused();
	await moderator.keyboard.press('Escape');
	await expect(cancelDialog).toBeHidden();
	await moderator.reload();
	await expect(card).toHaveAttribute('data-status', 'SCHEDULED');

	await card.getByRole('button', { name: 'Cancel this meeting' }).click();
	await cancelDialog.getByRole('button', { name: 'Yes, cancel the meeting' }).click();
	await expect(card).toHaveAttribute('data-status', 'CANCELLED');
	await card.getByRole('button', { name: 'Restore this meeting' }).click();
	await expect(card).toHaveAttribute('data-status', 'SCHEDULED');
});

test('on a phone the header is one compact bar whose menu opens, closes with Escape and navigates', async ({ browser, baseURL }) => {
	for (const locale of ['fa', 'en'] as const) {
		const page = await personIn(browser, baseURL!, USERS.member, locale, PHONE);
		const header = page.locator('header.bar');
		const menu = header.getByRole('button', { name: locale === 'fa' ? 'منو' : 'Menu' });
		const mine = header.getByRole('link', { name: locale === 'fa' ? 'اقدام‌های من' : 'My actions' });
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
		await expect(mine).toBeHidden();

		// By keyboard: Enter opens it, Escape closes it and gives the focus back.
		await menu.focus();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('aria-expanded', 'true');
		await expect(mine).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		await expect(menu).toBeFocused();
		await expect(mine).toBeHidden();

		// By touch: it opens, a link navigates, and the menu is closed on the new page.
		await menu.click();
		await mine.click();
		await expect(page).toHaveURL(/\/actions$/);
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		await expect(mine).toBeHidden();

		// The live room has the same compact bar.
		await openMeeting(page);
		expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
		await page.context().close();
	}
});

test('my action items list its headings in order (axe heading-order), in both languages', async ({ browser, baseURL }) => {
	// An open item for the executor (the owner a new item gets by default).
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await moderator.getByRole('link', { name: GROUP_NAMES[0] }).click();
	await expect(moderator).toHaveURL(/\/groups\/[a-z0-9]+$/);
	await moderator.goto(`${new URL(moderator.url()).pathname}/actions`);
	await moderator.getByLabel('What needs doing').fill('Ask three printers for label prices');
	await moderator.getByLabel('What needs doing').press('Enter');
	await expect(moderator.getByRole('link', { name: 'Ask three printers for label prices' })).toBeVisible();
	await moderator.context().close();

	for (const locale of ['en', 'fa'] as const) {
		const page = await personIn(browser, baseURL!, USERS.executor, locale);
		await page.goto('/actions');
		// Open items are listed right under the page's title.
		await expect(page.locator('ul.items article').first()).toBeVisible();
		const results = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
		expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
		await page.context().close();
	}
});

test('the projector view follows the meeting live: item, timer, speaker, queue and the sides present', async ({ browser, baseURL }) => {
	test.slow();
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	await openMeeting(moderator);
	const room = moderator.url();
	await expect(moderator.getByTestId('connection')).toHaveClass(/live/);
	if ((await moderator.getByTestId('meeting-status').textContent())?.includes('Scheduled')) {
		await moderator.getByTestId('lifecycle').click();
		await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');
	}
	const title = `On the screen ${Date.now()}`;
	await moderator.getByRole('button', { name: 'Add an item' }).click();
	await moderator.locator('.agenda textarea[placeholder]').last().fill(title);
	await saved(moderator);

	// The screen, in Persian, opened from the room's link; nothing chosen yet.
	const screen = await personIn(browser, baseURL!, USERS.observer, 'fa');
	await screen.goto(room);
	await screen.getByTestId('projector-link').click();
	await expect(screen).toHaveURL(/\/projector$/);
	const projector = screen.getByTestId('projector');
	await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();

	// The moderator picks the item and starts its timer: the screen follows without a reload.
	const option = moderator.getByTestId('choose-item').locator('option', { hasText: title });
	await moderator.getByTestId('choose-item').selectOption((await option.getAttribute('value'))!);
	await moderator.locator('.timer input[type=number]').fill('5');
	await moderator.getByTestId('timer-start').click();
	await expect(screen.getByTestId('projector-item')).toHaveText(title);
	await expect(screen.getByTestId('projector-clock')).toHaveText(/^۰[۴۵]:[۰-۹]{2}$/);

	// A member raises a hand and checks in; then takes the floor.
	const member = await personIn(browser, baseURL!, USERS.member, 'en', PHONE);
	await member.goto(room);
	await expect(member.getByTestId('connection')).toHaveClass(/live/);
	if ((await member.getByTestId('hand').textContent())?.includes('Raise')) await member.getByTestId('hand').click();
	if ((await member.getByTestId('checkin').textContent())?.includes('Check in')) await member.getByTestId('checkin').click();
	await expect(screen.getByTestId('projector-queue')).toContainText('مریم احمدی');
	await expect(projector.getByRole('img', { name: /کارآفرینان: [۱-۹]/ })).toBeVisible();
	await moderator.getByTestId('queue-next').click();
	await expect(screen.getByTestId('projector-speaker')).toContainText('مریم احمدی');
	await expect(screen.getByTestId('projector-vote')).toBeVisible();
	expect(await screen.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	await screen.screenshot({ path: test.info().outputPath('projector-fa.png') });
	await moderator.getByTestId('queue-next').click();
});

test('the quick-add form keeps its Jalali day lists inside their field at 1280 px', async ({ browser, baseURL }) => {
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'fa');
	await openMeeting(moderator);
	await expect(moderator.getByTestId('connection')).toHaveClass(/live/);
	if (!(await moderator.getByTestId('meeting-status').getAttribute('class'))?.includes('status-LIVE')) {
		await moderator.getByTestId('lifecycle').click();
		await expect(moderator.getByTestId('meeting-status')).toHaveClass(/status-LIVE/);
	}
	const quick = moderator.locator('section.followups .quick');
	await expect(quick.locator('.jalali select')).toHaveCount(3);
	const boxes = await quick.evaluate((form) => {
		const rect = (e: Element) => e.getBoundingClientRect();
		const due = form.querySelector('.jalali')!.closest('.field')!;
		const others = [...form.querySelectorAll('.row > .field')].filter((f) => f !== due).map(rect);
		return { due: rect(due), lists: [...due.querySelectorAll('select')].map(rect), others };
	});
	for (const list of boxes.lists) {
		expect(list.left).toBeGreaterThanOrEqual(boxes.due.left - 1);
		expect(list.right).toBeLessThanOrEqual(boxes.due.right + 1);
	}
	// No other field sits over the day's lists.
	for (const other of boxes.others) {
		const overlaps =
			other.left < boxes.due.right - 1 &&
			other.right > boxes.due.left + 1 &&
			other.top < boxes.due.bottom - 1 &&
			other.bottom > boxes.due.top + 1;
		expect(overlaps).toBe(false);
	}
});

// A proposal's whole journey in the browser, in Persian and English: a member files it in a
// live meeting (Persian, on a phone) and revises it; the moderator (English) starts the
// review and records the sides' positions, the executor (Persian) states feasibility; the
// meeting votes on it live; the moderator starts a service; the executor adds a milestone
// and an update and delivers it; the group publishes, and anyone sees it on the public page
// in both languages — without contact data. Every page passes axe; screenshots are attached.
import type { Page } from '@playwright/test';
import { expect, GROUP_NAMES, personIn, seriousViolations, signIn, switchLanguage, test, USERS } from './support';

test.describe.configure({ mode: 'serial' });

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
/** The proposal's title; a retry (which runs the file again on the same database) adds its
 * number, so the public page does not show the first attempt's proposal under the same name. */
const titleFor = (retry: number) => 'فروشگاه محله‌ای برای محصولات خانگی' + (retry ? ` ${retry}` : '');

test('a proposal goes from a live meeting through the six sides and a vote to a delivered, public service', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const TITLE = titleFor(test.info().retry);
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	const member = await personIn(browser, baseURL!, USERS.member, 'fa', { width: 390, height: 844 });
	const executor = await personIn(browser, baseURL!, USERS.executor, 'fa');

	// The moderator opens the group's next meeting and starts it (another test may have already).
	// The first demo group's (other tests may add groups with sooner meetings).
	await moderator.locator('.upcoming li', { hasText: GROUP_NAMES[0] }).first().locator('a').first().click();
	await expect(moderator).toHaveURL(/\/meetings\/[a-z0-9]+$/);
	const room = moderator.url();
	await expect(moderator.getByTestId('connection')).toHaveClass(/live/);
	if ((await moderator.getByTestId('meeting-status').textContent())?.includes('Scheduled'))
		await moderator.getByTestId('lifecycle').click();
	await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');

	// The member files a proposal from the meeting's voting panel (Persian, phone).
	await member.goto(room);
	await member.getByRole('link', { name: /ثبت پیشنهاد/ }).click();
	await expect(member.getByText('این پیشنهاد به جلسه و دستور جلسه‌ای که در آن مطرح شد پیوند می‌خورد.')).toBeVisible();
	await member.getByLabel('عنوان').fill(TITLE);
	await member.getByLabel('مسئله').fill('کسب‌وکارهای خانگی جایی برای فروش ندارند.');
	await member.getByLabel('ایده', { exact: true }).fill('یک فروشگاه آزمایشی در منطقه ۴.');
	await member.getByRole('checkbox', { name: 'سرمایه' }).check();
	await member.getByLabel('دقیقاً چه: سرمایه').fill('۲۰۰ میلیون ریال');
	expect(await seriousViolations(member)).toEqual([]);
	await member.getByRole('button', { name: 'ثبت و ارسال' }).click();
	await expect(member).toHaveURL(/\/proposals\/[a-z0-9]+$/);
	const proposal = member.url();
	await expect(member.locator('h1')).toHaveText(TITLE);
	await expect(member.getByText('ثبت‌شده').first()).toBeVisible();

	// …and revises it: the earlier text is kept, and the change is shown.
	await member.getByRole('link', { name: 'ویرایش پیشنهاد' }).click();
	await member.getByLabel('ایده', { exact: true }).fill('یک فروشگاه آزمایشی در منطقه ۴، جمعه‌ها باز.');
	await member.getByLabel('چه چیزی تغییر کرد و چرا').fill('پس از گفت‌وگو با کارشناس');
	await member.getByRole('button', { name: 'ذخیره‌ی نسخه‌ی تازه' }).click();
	await expect(member).toHaveURL(proposal);
	await member.getByRole('link', { name: /نسخه‌ها/ }).click();
	await expect(member.locator('ins').filter({ hasText: 'جمعه‌ها' })).toBeVisible();
	expect(await seriousViolations(member)).toEqual([]);
	await shot(member, 'revisions-fa-phone');

	// The moderator starts the review and records the positions said in the meeting.
	await moderator.goto(proposal);
	await moderator.getByLabel('Why (kept on the timeline)').fill('On today’s agenda');
	await moderator.getByRole('button', { name: 'Start the review' }).click();
	await expect(moderator.locator('.head').getByText('In review')).toBeVisible();
	for (const [side, verdict, reasons] of [
		['Experts and advisers', 'supports', 'A sound plan with a clear market.'],
		['Legal', 'has conditions', 'Needs a trade licence for the shop.'],
		['Agencies and ministries', 'supports', 'The district centre offers the space.']
	] as const) {
		await moderator.getByLabel('For the side').selectOption({ label: side });
		await moderator.getByRole('radio', { name: verdict, exact: true }).check();
		await moderator.getByLabel('Reasons').fill(reasons);
		await moderator.getByRole('button', { name: 'Record the position' }).click();
		await expect(moderator.locator('.reviews')).toContainText(reasons);
	}

	// The executor states feasibility and an estimate (Persian).
	await executor.goto(proposal);
	await expect(executor.getByText('برای ضلع شما: مجری')).toBeVisible();
	await executor.getByRole('radio', { name: 'شدنی', exact: true }).check();
	await executor.getByLabel('برآورد به هفته').fill('8');
	await executor.getByLabel('هزینه‌ی برآوردی').fill('۱۵۰ میلیون ریال');
	await executor.getByLabel('دلایل').fill('فضای فروشگاه در مرکز محله آماده است.');
	await executor.getByRole('button', { name: 'ثبت موضع' }).click();
	await expect(executor.getByRole('img', { name: /^موضع شش ضلع/ })).toHaveAttribute('aria-label', /مجری: شدنی/);
	await expect(
		executor
			.getByRole('img', { name: /^موضع شش ضلع/ })
			.locator('text')
			.last()
	).toHaveText('۵/۶');
	expect(await seriousViolations(executor)).toEqual([]);
	await shot(executor, 'proposal-fa');

	await moderator.reload();
	await expect(moderator.getByRole('img', { name: /^Positions of the six sides/ })).toHaveAttribute('aria-label', /Legal: has conditions/);
	expect(await seriousViolations(moderator)).toEqual([]);
	await shot(moderator, 'proposal-en');

	// In the meeting: everyone checks in, the moderator marks enough others for the quorum,
	// opens the vote, members vote live, and the moderator closes it.
	await moderator.goto(room);
	for (const page of [moderator, member, executor]) {
		if (page !== moderator) await page.goto(room);
		await expect(page.getByTestId('connection')).toHaveClass(/live/);
		const checkIn = page.locator('form.mine:has(input[name=present][value=true]) [data-testid=checkin]');
		if (await checkIn.count()) await checkIn.click();
	}
	await moderator.locator('details.mark summary').click();
	for (let i = 0; i < 4; i++) {
		const before = await moderator.locator('details.mark button[aria-pressed="true"]').count();
		await moderator.locator('details.mark button[aria-pressed="false"]').first().click();
		await expect(moderator.locator('details.mark button[aria-pressed="true"]')).toHaveCount(before + 1);
	}
	const panel = moderator.locator('#votes');
	await panel.getByLabel('Open a vote on').selectOption({ label: TITLE });
	await panel.getByRole('button', { name: 'Open the vote' }).click();
	await expect(panel.getByText('quorum met')).toBeVisible();

	const memberPanel = member.locator('#votes');
	await expect(memberPanel.getByRole('heading', { name: new RegExp(TITLE) })).toBeVisible();
	await memberPanel.getByRole('button', { name: 'موافق' }).click();
	await expect(memberPanel.getByText('رأی شما: موافق')).toBeVisible();
	await executor.locator('#votes').getByRole('button', { name: 'موافق' }).click();
	await panel.getByRole('button', { name: 'Abstain' }).click();
	// The count reaches everyone at once, in their own digits.
	await expect(panel.getByText(/^3 of the \d+ voting members present have voted/)).toBeVisible();
	await expect(memberPanel.getByText(/^۳ نفر از [۰-۹]+ عضو حاضرِ دارای رأی، رأی داده‌اند/)).toBeVisible();
	expect(await seriousViolations(member)).toEqual([]);
	await shot(member, 'vote-fa-phone');
	await shot(moderator, 'vote-en');

	await panel.getByRole('button', { name: 'Close the vote' }).click();
	await expect(panel.locator('.decisions')).toContainText('Approved');
	await expect(memberPanel.locator('.decisions')).toContainText('تصویب شد');
	expect(await seriousViolations(moderator)).toEqual([]);

	// The moderator turns it into a service carried out by the executor.
	await moderator.goto(proposal);
	await expect(moderator.locator('.head').getByText('Approved')).toBeVisible();
	await moderator.getByRole('radio', { name: 'Service' }).check();
	await moderator.getByLabel('Executor', { exact: true }).selectOption({ label: 'بهناز محمدی — Executor' });
	await moderator.getByLabel('Description', { exact: true }).fill('A neighbourhood shop where home businesses sell what they make.');
	await moderator.getByRole('button', { name: 'Start the outcome' }).click();
	await expect(moderator).toHaveURL(/\/outcomes\/[a-z0-9]+$/);
	const outcome = moderator.url();
	// Its page offers the moderator to add action items for it; the executor, who may not, sees no card while there are none.
	const outcomeId = new URL(outcome).pathname.split('/').pop()!;
	await expect(moderator.getByRole('region', { name: 'Action items' })).toContainText('No action items for this outcome yet.');
	await expect(moderator.getByRole('link', { name: 'Add an action item' })).toHaveAttribute(
		'href',
		new RegExp(`^/groups/[a-z0-9]+/actions\\?outcomeId=${outcomeId}#new$`)
	);

	// The executor adds a milestone, an update with a link, and delivers (Persian).
	await executor.goto(outcome);
	await expect(executor.getByRole('heading', { name: 'اقدام‌ها', exact: true })).toHaveCount(0);
	await executor.getByLabel('مرحله', { exact: true }).fill('اجاره‌ی فروشگاه');
	// In Persian the due day is chosen in the Jalali calendar: 12 Bahman 1405 is 1 February 2027.
	const milestoneForm = executor.locator('form').filter({ has: executor.locator('#ms-due') });
	await milestoneForm.getByLabel('روز', { exact: true }).selectOption({ label: '۱۲' });
	await milestoneForm.getByLabel('ماه', { exact: true }).selectOption({ label: 'بهمن' });
	await milestoneForm.getByLabel('سال', { exact: true }).selectOption({ label: '۱۴۰۵' });
	await expect(milestoneForm.locator('input[name=dueDate]')).toHaveValue('2027-02-01');
	await executor.locator('#ms-progress').fill('100');
	await executor.getByRole('button', { name: 'افزودن مرحله' }).last().click();
	await expect(executor.getByRole('progressbar', { name: 'اجاره‌ی فروشگاه' })).toHaveAttribute('aria-valuenow', '100');
	// The form is emptied for the next milestone, the spelled day and the day it sends too.
	await expect(milestoneForm.locator('#ms-due-spelled')).toHaveText('');
	await expect(milestoneForm.locator('input[name=dueDate]')).toHaveValue('');
	await executor.getByLabel('یادداشت', { exact: true }).fill('قرارداد اجاره امضا شد.');
	await executor.getByLabel('پیوند پیوست').fill('https://example.org/lease.pdf');
	await executor.getByLabel('نام پیوند').fill('قرارداد');
	await executor.getByRole('button', { name: 'افزودن گزارش' }).click();
	await expect(executor.getByRole('link', { name: 'قرارداد' })).toHaveAttribute('href', 'https://example.org/lease.pdf');
	expect(await seriousViolations(executor)).toEqual([]);
	await shot(executor, 'outcome-fa');
	await executor.getByLabel('یادداشتی درباره‌ی تحویل').fill('فروشگاه باز شد.');
	await executor.getByRole('button', { name: 'ثبت تحویل' }).click();
	await expect(executor.getByRole('progressbar', { name: 'پیشرفت کلی' })).toHaveAttribute('aria-valuenow', '100');
	await expect(executor.locator('header.head .status')).toHaveText('تحویل‌شده');

	// The board shows it delivered; the moderator publishes the group's delivered outcomes.
	await moderator.goto(proposal);
	await moderator.getByRole('link', { name: /^Proposals · / }).click();
	await expect(moderator.locator('section.column', { has: moderator.getByRole('heading', { name: /Delivered/ }) })).toContainText(TITLE);
	await moderator.getByRole('checkbox', { name: 'Publish delivered outcomes on a public page' }).check();
	await moderator.getByRole('button', { name: 'Save settings' }).click();
	await expect(moderator.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	expect(await seriousViolations(moderator)).toEqual([]);
	await shot(moderator, 'board-en');
	const publicPath = await moderator.getByRole('link', { name: 'The public page of delivered outcomes' }).getAttribute('href');

	// The organisation-wide view, filtered to services.
	await moderator.getByRole('link', { name: 'Outcomes', exact: true }).click();
	await moderator.getByLabel('Kind').selectOption({ label: 'Service' });
	await moderator.getByRole('button', { name: 'Filter' }).click();
	await expect(moderator.locator('.list')).toContainText(TITLE);
	expect(await seriousViolations(moderator)).toEqual([]);
	await shot(moderator, 'outcomes-en');

	// Anyone, without signing in, in both languages; never an email or a phone number.
	for (const [locale, kind, heading] of [
		['fa', 'خدمت', 'تحویل‌شده: ۱'],
		['en', 'Service', 'Delivered: 1']
	] as const) {
		const visitor = await personIn(browser, baseURL!, null, locale, { width: 390, height: 844 });
		await visitor.goto(publicPath!);
		await expect(visitor.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
		await expect(visitor.locator('.outcomes .kind')).toHaveText(kind);
		await expect(visitor.getByText(heading)).toBeVisible();
		const text = (await visitor.locator('main').textContent()) ?? '';
		expect(text).not.toMatch(/@rahkar\.example|بهناز محمدی|مریم احمدی/);
		expect(await seriousViolations(visitor)).toEqual([]);
		const width = await visitor.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
		await shot(visitor, `public-${locale}-phone`);
		await visitor.context().close();
	}
	for (const page of [moderator, member, executor]) await page.context().close();
});

test('filing, reviewing and voting work without JavaScript', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
	const page = await context.newPage();
	await signIn(page, USERS.moderator);
	await page.reload();
	if ((await page.locator('html').getAttribute('lang')) !== 'en') await switchLanguage(page, 'en');
	const room = (await page.locator('.upcoming li', { hasText: GROUP_NAMES[0] }).first().locator('a').first().getAttribute('href'))!;

	await page.getByRole('link', { name: GROUP_NAMES[0] }).first().click();
	await page.getByRole('link', { name: 'Proposals and outcomes' }).click();
	await page.getByRole('link', { name: 'New proposal' }).click();
	await page.getByLabel('Title').fill('Weekend craft market');
	await page.getByRole('button', { name: 'File and submit' }).click();
	await expect(page).toHaveURL(/\/proposals\/[a-z0-9]+$/);
	await page.getByRole('button', { name: 'Start the review' }).click();
	await expect(page.locator('.head').getByText('In review')).toBeVisible();
	await page.getByLabel('For the side').selectOption({ label: 'Media' });
	await page.getByRole('radio', { name: 'objects', exact: true }).check();
	await page.getByLabel('Reasons').fill('No budget for publicity yet.');
	await page.getByRole('button', { name: 'Record the position' }).click();
	await expect(page.locator('.reviews')).toContainText('No budget for publicity yet.');

	await page.goto(`${room}/votes`);
	await page.getByLabel('Open a vote on').selectOption({ label: 'Weekend craft market' });
	await page.getByRole('button', { name: 'Open the vote' }).click();
	await page.getByRole('button', { name: 'No', exact: true }).click();
	await expect(page.getByText('You voted: No')).toBeVisible();
	await page.getByRole('button', { name: 'Close the vote' }).click();
	await expect(page.locator('.decisions')).toContainText('Rejected');
	await expect(page.locator('.results')).toContainText('not passed');
	await context.close();
});

test('a moderator adds an action item from a proposal and finds it listed on the proposal, in English and Persian', async ({
	browser,
	baseURL
}) => {
	// Three pages, two languages and two axe scans: more than the default 30 s on a busy machine.
	test.setTimeout(90_000);
	const ITEM = 'Ask the district library for a room';
	const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
	// The second demo group: no other test files proposals or makes items there, and its
	// executor has no account, so nobody else's notifications or My actions change.
	await moderator.getByRole('link', { name: GROUP_NAMES[1] }).first().click();
	await moderator.getByRole('link', { name: 'Proposals and outcomes' }).click();
	await moderator.getByRole('link', { name: 'New proposal' }).click();
	await moderator.getByLabel('Title').fill('Seed library for the district');
	await moderator.getByLabel('The problem').fill('Gardeners in the district have no place to swap seeds.');
	await moderator.getByRole('button', { name: 'File and submit' }).click();
	// The proposal's own page, not the form's /groups/…/proposals/new.
	await expect(moderator).toHaveURL(/^[a-z]+:\/\/[^/]+\/proposals\/[a-z0-9]+$/);
	const proposal = moderator.url();

	const card = moderator.getByRole('region', { name: 'Action items' });
	await expect(card).toContainText('No action items for this proposal yet.');
	await card.getByRole('link', { name: 'Add an action item' }).click();
	await expect(moderator).toHaveURL(/\/groups\/[a-z0-9]+\/actions\?proposalId=[a-z0-9]+#new$/);
	const create = moderator.getByRole('region', { name: 'New action item' });
	await expect(create).toContainText('For the proposal this page was opened from.');
	await create.getByLabel('What needs doing').fill(ITEM);
	const owner = (await create.getByLabel('Owner').locator('option:checked').textContent())!.split(' — ')[0];
	await create.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(create.getByText('Action item added.')).toBeVisible();

	await create.getByRole('link', { name: 'Back to the proposal' }).click();
	await expect(moderator).toHaveURL(proposal);
	const row = card.getByRole('listitem').filter({ hasText: ITEM });
	await expect(row).toContainText(`Owner: ${owner}`);
	await expect(row).toContainText('Open');
	await expect(row).toContainText(/Due \d/);
	await expect(row.getByRole('link', { name: ITEM })).toHaveAttribute('href', /^\/actions\/[a-z0-9]+$/);
	expect(await seriousViolations(moderator)).toEqual([]);
	await card.screenshot({ path: test.info().outputPath('proposal-action-items-en.png') });
	await shot(moderator, 'proposal-action-items-page-en');

	await switchLanguage(moderator, 'fa');
	const cardFa = moderator.getByRole('region', { name: 'اقدام‌ها' });
	const rowFa = cardFa.getByRole('listitem').filter({ hasText: ITEM });
	await expect(rowFa).toContainText(`مسئول: ${owner}`);
	await expect(rowFa).toContainText('باز');
	await expect(rowFa).toContainText(/موعد: [۰-۹]/);
	await expect(cardFa.getByRole('link', { name: 'افزودن اقدام' })).toBeVisible();
	expect(await seriousViolations(moderator)).toEqual([]);
	await cardFa.screenshot({ path: test.info().outputPath('proposal-action-items-fa.png') });
	await shot(moderator, 'proposal-action-items-page-fa');
	// The language is saved on the account: leave it as the other tests expect it.
	await switchLanguage(moderator, 'en');
	await moderator.context().close();
});

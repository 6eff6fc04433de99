// A proposal's discussion between meetings, in Persian and in English: a member comments and
// mentions another member (picked from the group's members), who sees the notification,
// follows it to the proposal and answers; the first sees the answer appear without a reload.
// The Persian page is screenshotted and checked with axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, GROUP_NAMES, groupLinks, personIn, test, USERS } from './support';

test.describe.configure({ mode: 'serial' });

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** Files a submitted proposal in the first demo group; returns its page's URL. */
async function fileProposal(page: Page, title: string, labels: { title: string; submit: string }) {
	await page.goto('/dashboard');
	await groupLinks(page).filter({ hasText: GROUP_NAMES[0] }).first().click();
	await expect(page).toHaveURL(/\/groups\/[^/]+$/);
	await page.goto(`${new URL(page.url()).pathname}/proposals/new`);
	await page.getByLabel(labels.title, { exact: true }).fill(title);
	await page.getByRole('button', { name: labels.submit }).click();
	// The proposal's own page (not the form's /groups/…/proposals/new, which the same ending would match).
	await expect(page).toHaveURL(/^https?:\/\/[^/]+\/proposals\/[a-z0-9]+$/);
	return page.url();
}

const cases = [
	{
		locale: 'fa' as const,
		writer: USERS.member,
		reader: USERS.executor,
		readerName: 'بهناز محمدی',
		title: 'کارگاه تعمیر محله',
		comment: 'هزینه‌ی ابزارها را برآورد می‌کنید؟',
		english: 'The budget is small.',
		answer: 'بله، تا هفته‌ی بعد برآورد می‌فرستم.',
		words: {
			title: 'عنوان',
			submit: 'ثبت و ارسال',
			discussion: 'گفت‌وگو',
			yourComment: 'دیدگاه شما',
			post: 'فرستادن دیدگاه',
			answer: 'پاسخ',
			yourAnswer: 'پاسخ شما',
			postAnswer: 'فرستادن پاسخ',
			mentioned: 'از شما نام برد'
		}
	},
	{
		locale: 'en' as const,
		writer: USERS.executor,
		reader: USERS.member,
		readerName: 'مریم احمدی',
		title: 'Neighbourhood tool library',
		comment: 'could you find the first ten lenders?',
		english: 'هفته‌ی بعد شروع کنیم؟',
		answer: 'Yes, I will ask at the district centre.',
		words: {
			title: 'Title',
			submit: 'File and submit',
			discussion: 'Discussion',
			yourComment: 'Your comment',
			post: 'Post comment',
			answer: 'Answer',
			yourAnswer: 'Your answer',
			postAnswer: 'Post answer',
			mentioned: 'mentioned you on'
		}
	}
];

for (const c of cases) {
	test(`(${c.locale}) a member mentions another in a comment; they follow the notification, answer, and the answer appears live`, async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(90_000);
		const writer = await personIn(browser, baseURL!, c.writer, c.locale);
		const reader = await personIn(browser, baseURL!, c.reader, c.locale);
		const url = await fileProposal(writer, c.title, c.words);

		// The writer mentions the reader by picking them from the group's members, then writes.
		const discussion = writer.getByRole('region', { name: c.words.discussion });
		const box = discussion.getByLabel(c.words.yourComment);
		await box.click();
		await discussion.getByRole('button', { name: `@${c.readerName}` }).click();
		await box.press('End');
		await box.pressSequentially(c.comment);
		await box.press('Enter');
		await box.pressSequentially(c.english);
		await expect(box).toHaveValue(`@${c.readerName} ${c.comment}\n${c.english}`);
		await discussion.getByRole('button', { name: c.words.post }).click();
		const first = discussion.locator('article.comment').first();
		await expect(first).toContainText(c.comment);
		// Each line keeps its own direction.
		await expect(first.locator('p[dir="auto"]')).toHaveCount(2);
		await expect(first.locator('.mention')).toHaveText(`@${c.readerName}`);
		// A marker that a reload would lose: the answer must arrive without one.
		await writer.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

		// The reader's bell shows it; the notifications page links to the comment.
		await expect(reader.locator('a.bell .count')).toBeVisible();
		await reader.goto('/notifications');
		const note = reader
			.getByRole('link', { name: new RegExp(c.words.mentioned) })
			.filter({ hasText: c.title })
			.first();
		await note.click();
		await expect(reader).toHaveURL(new RegExp(`${new URL(url).pathname}#comment-`));
		const thread = reader.locator('li.thread').filter({ hasText: c.comment });
		await thread.getByText(c.words.answer, { exact: true }).click();
		await thread.getByLabel(c.words.yourAnswer).fill(c.answer);
		await thread.getByRole('button', { name: c.words.postAnswer }).click();
		await expect(thread.locator('.answers')).toContainText(c.answer);

		// The writer, who never reloaded, sees the answer in the thread.
		await expect(writer.locator('li.thread').filter({ hasText: c.comment }).locator('.answers')).toContainText(c.answer);
		expect(await writer.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
		// And the timeline has both.
		await expect(writer.locator('ol.timeline li.commented')).toHaveCount(2);

		if (c.locale === 'fa') {
			await expect(writer.locator('html')).toHaveAttribute('dir', 'rtl');
			await shot(writer, 'discussion-fa');
		}
		const axe = await new AxeBuilder({ page: writer }).include('section.discussion').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
		await writer.context().close();
		await reader.context().close();
	});
}

// Minutes from meeting to archive, in two browsers: the moderator (English, desktop) and a
// member (Persian, phone) run a short meeting with notes in both languages; the moderator
// closes it, corrects and archives the minutes (the hash verifies); at the next meeting the
// agenda asks for approval and the members present approve; the printable page becomes a
// PDF in English and in Persian (RTL); a Persian word finds the minutes with the match
// highlighted. The minutes, print, archive and search pages pass axe in both languages and
// fit a phone.
import type { Page, TestInfo } from '@playwright/test';
import { expect, GROUP_NAMES, openMenu, personIn, seriousViolations, test, USERS } from './support';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A full-page screenshot attached to the report, after checking nothing overflows sideways. */
async function capture(page: Page, info: TestInfo, name: string) {
	await page.evaluate(() => document.fonts.ready);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${name} overflows sideways by ${overflow}px`).toBeLessThanOrEqual(0);
	const path = info.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await info.attach(name, { path, contentType: 'image/png' });
}

/** The printable page as an A4 PDF, attached to the report; returns its bytes. */
async function printPdf(page: Page, info: TestInfo, name: string) {
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => document.fonts.ready);
	const path = info.outputPath(name);
	const pdf = await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
	await page.emulateMedia({ media: 'screen' });
	await info.attach(name, { path, contentType: 'application/pdf' });
	return pdf;
}

const connected = (page: Page) => expect(page.getByTestId('connection')).toHaveClass(/live/);
const agendaSaved = (page: Page) => expect(page.locator('.agenda [data-status]').first()).toHaveAttribute('data-status', 'saved');

const ITEM_EN = 'Pilot shop for home bakers';
const ITEM_FA = 'بازارچه‌ی محله';
// The member's note; searched for below with an Arabic yeh (سرمايه), as some keyboards type it.
const NOTE_FA = 'سرمایه‌ی اولیه‌ی بازارچه از صندوق محله تأمین شد.';
const NOTE_EN = 'Two bakers will share the counter on Fridays.';
const REMARKS = 'The meeting started ten minutes late.';
const ACTION = 'Ask the district for the Friday counter';

test.describe.serial('minutes', () => {
	let minutesPath = '';
	let archivePath = '';

	test('a meeting is closed, its minutes archived, approved at the next meeting, printed and found', async ({ browser, baseURL }, info) => {
		test.setTimeout(180_000);
		const moderator = await personIn(browser, baseURL!, USERS.moderator, 'en');
		const member = await personIn(browser, baseURL!, USERS.member, 'fa', PHONE);

		// The group's live meeting if another test left one running, else its next one; and the one after.
		await moderator.getByRole('link', { name: GROUP_NAMES[0] }).click();
		await expect(moderator).toHaveURL(/\/groups\/[a-z0-9]+$/);
		const groupPath = new URL(moderator.url()).pathname;
		await moderator.goto(`${groupPath}/meetings`);
		const open = await moderator
			.locator('li.meeting[data-status=LIVE], li.meeting[data-status=SCHEDULED]')
			.evaluateAll((items) =>
				items.map((li) => ({ status: li.getAttribute('data-status'), path: li.querySelector<HTMLAnchorElement>('a.when')!.pathname }))
			);
		const liveIndex = open.findIndex((m) => m.status === 'LIVE');
		const first = open[Math.max(0, liveIndex)];
		const next = open.slice(open.indexOf(first) + 1).find((m) => m.status === 'SCHEDULED');
		expect(next, 'the group has a meeting after this one').toBeDefined();

		// The meeting: two items, one discussed; notes in English and, from the member's phone, in Persian.
		await moderator.goto(first.path);
		await connected(moderator);
		if (first.status === 'SCHEDULED') await moderator.getByTestId('lifecycle').click();
		await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');
		await moderator.getByRole('button', { name: 'Add an item' }).click();
		await moderator.locator('.agenda textarea[placeholder]').last().fill(ITEM_EN);
		await moderator.getByRole('button', { name: 'Add an item' }).click();
		await moderator.locator('.agenda textarea[placeholder]').last().fill(ITEM_FA);
		// The two items just added are the agenda's last two (the notes' labels keep the untitled name).
		const notes = (page: Page, which: 'en' | 'fa') =>
			page
				.locator('.agenda li.item')
				.nth(which === 'en' ? -2 : -1)
				.locator('.notes-body');
		await notes(moderator, 'en').click();
		await moderator.keyboard.type(NOTE_EN);
		const options = await moderator.getByTestId('choose-item').locator('option').allTextContents();
		await moderator.getByTestId('choose-item').selectOption({ label: options.find((o) => o.endsWith(ITEM_FA))! });

		await member.goto(first.path);
		await connected(member);
		await expect(member.getByTestId('current-item')).toContainText(ITEM_FA);
		await expect(member.locator('.agenda li.item').last().locator('.title textarea')).toHaveValue(ITEM_FA);
		await agendaSaved(member);
		await notes(member, 'fa').click();
		await member.keyboard.type(NOTE_FA);
		// Seen by the moderator, then saved on both pages: stored by the server.
		await expect(notes(moderator, 'fa')).toContainText(NOTE_FA);
		await expect(notes(member, 'en')).toContainText(NOTE_EN);
		await agendaSaved(moderator);
		await agendaSaved(member);
		// Checked in after typing: a form's success moves focus to the page, out of the notes.
		if ((await member.getByTestId('checkin').textContent())?.includes('اعلام حضور')) await member.getByTestId('checkin').click();
		await expect(member.getByText('حضور شما ثبت شده است.')).toBeVisible();

		// An action item made here, with a title and Enter (owner and due day filled in for it).
		const followUps = moderator.locator('section.followups');
		await followUps.getByLabel('What needs doing').fill(ACTION);
		await followUps.getByLabel('What needs doing').press('Enter');
		await expect(followUps.getByRole('article', { name: ACTION })).toBeVisible();

		// While live, the minutes page is a live draft; the room links to it.
		await moderator.getByRole('link', { name: 'Open the minutes' }).click();
		await expect(moderator.getByText('Live draft')).toBeVisible();
		await moderator.goBack();
		await connected(moderator);
		await moderator.getByTestId('lifecycle').click();
		await expect(moderator.getByTestId('meeting-status')).toHaveText('Closed');
		await capture(moderator, info, 'room-closed-en-desktop');

		// The frozen draft: the moderator corrects it and archives it.
		await moderator.getByRole('link', { name: 'Open the minutes' }).click();
		await expect(moderator).toHaveURL(/\/meetings\/[a-z0-9]+\/minutes$/);
		minutesPath = new URL(moderator.url()).pathname;
		await expect(moderator.getByText('Draft — the moderator may still correct it')).toBeVisible();
		const document = moderator.locator('article.minutes');
		await expect(document).toContainText(NOTE_FA);
		await expect(document).toContainText(NOTE_EN);
		await expect(document).toContainText('مریم احمدی');
		await expect(document.getByRole('listitem').filter({ hasText: ACTION })).toContainText(/· due .+ · Open \(made in this meeting\)/);
		await member.goto(minutesPath);
		await expect(member.locator('article.minutes')).toContainText(NOTE_FA);
		await expect(member.getByRole('button', { name: 'ذخیره‌ی اصلاح‌ها' })).toHaveCount(0); // members read, moderators correct
		await capture(member, info, 'minutes-draft-fa-phone');

		// The corrections are folded, so the minutes come first; "Saved." shows by the button.
		await expect(moderator.getByLabel('Remarks')).toBeHidden();
		await moderator.getByText('Correct the draft').click();
		await moderator.getByLabel('Remarks').fill(REMARKS);
		await moderator.getByRole('button', { name: 'Save corrections' }).click();
		await expect(moderator.locator('details.edit').getByRole('status')).toHaveText('Saved.');
		await expect(document).toContainText(REMARKS);
		await capture(moderator, info, 'minutes-draft-en-desktop');
		// Archiving asks first and says what it freezes; going back leaves the draft a draft.
		await moderator.getByTestId('archive').click();
		const archive = moderator.getByRole('dialog', { name: 'Archive these minutes for good?' });
		await expect(archive).toContainText('freezes the minutes exactly as they read now');
		await archive.getByRole('button', { name: 'Go back' }).click();
		await moderator.reload();
		await expect(moderator.getByText('Draft — the moderator may still correct it')).toBeVisible();
		await moderator.getByTestId('archive').click();
		await archive.getByRole('button', { name: 'Archive for good' }).click();
		await expect(moderator.getByText(/Archived .+\. This record can no longer be changed\./)).toBeVisible();
		await expect(moderator.locator('.hash')).toContainText('verified');
		await expect(moderator.getByText('Not yet approved')).toBeVisible();
		await expect(moderator.getByRole('button', { name: 'Save corrections' })).toHaveCount(0);

		// The next meeting's agenda asks the group to approve them; the members present do.
		await moderator.goto(next!.path);
		await connected(moderator);
		await moderator.getByTestId('lifecycle').click();
		await expect(moderator.getByTestId('meeting-status')).toHaveText('Live now');
		await expect(moderator.getByRole('link', { name: 'Approve the minutes of the previous meeting' })).toBeVisible();
		await moderator.getByTestId('checkin').click();
		await expect(moderator.getByText('You are checked in.')).toBeVisible();
		await member.goto(next!.path);
		await connected(member);
		await member.getByTestId('checkin').click();
		await expect(member.getByText('حضور شما ثبت شده است.')).toBeVisible();
		await expect(moderator.getByTestId('quorum')).toContainText(/^\D*2 of/);

		await member.getByRole('link', { name: 'تأیید صورت‌جلسه‌ی جلسه‌ی پیش' }).click();
		await expect(member).toHaveURL(new RegExp(`${minutesPath}\\?version=1$`));
		await member.getByRole('button', { name: 'این صورت‌جلسه را تأیید می‌کنم' }).click();
		// One of the two present is not yet a majority.
		await expect(member.getByText('تأیید‌ها: ۱')).toBeVisible();
		await expect(member.getByText('هنوز تصویب نشده')).toBeVisible();
		await moderator.getByRole('link', { name: 'Approve the minutes of the previous meeting' }).click();
		await moderator.getByRole('button', { name: 'Approve these minutes' }).click();
		await expect(moderator.getByText(/^Approved /)).toBeVisible();
		await member.reload();
		await expect(member.getByText(/^تصویب‌شده در /)).toBeVisible();
		await expect(member.locator('.hash')).toContainText('تأییدشده'); // approval leaves the record untouched
		await capture(member, info, 'minutes-archived-fa-phone');
		await capture(moderator, info, 'minutes-archived-en-desktop');

		// The printable page, as a PDF in English and in Persian.
		await moderator.getByRole('link', { name: 'Printable page' }).click();
		await expect(moderator.locator('html')).toHaveAttribute('dir', 'ltr');
		await expect(moderator.getByRole('heading', { level: 1 })).toContainText('Minutes of');
		const pdfEn = await printPdf(moderator, info, 'minutes-en.pdf');
		await member.getByRole('link', { name: 'نسخه‌ی چاپی' }).click();
		await expect(member.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(member.locator('html')).toHaveAttribute('lang', 'fa');
		await expect(member.getByRole('heading', { level: 1 })).toContainText('صورت‌جلسه‌ی');
		const pdfFa = await printPdf(member, info, 'minutes-fa.pdf');
		for (const pdf of [pdfEn, pdfFa]) {
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect(pdf.length).toBeGreaterThan(20_000); // text, embedded fonts and the side bars
		}

		// Search: a Persian word typed with an Arabic yeh finds the minutes, the match highlighted.
		await openMenu(member); // the phone's header keeps its links behind the menu
		await member.getByRole('link', { name: 'جست‌وجو' }).click();
		await expect(member).toHaveURL(/\/search$/);
		await member.getByRole('searchbox').fill('سرمايه');
		await member.getByRole('searchbox').press('Enter');
		const hit = member.getByRole('listitem').filter({ has: member.locator(`a[href="${minutesPath}"]`) });
		await expect(hit.getByRole('link')).toContainText(GROUP_NAMES[0]);
		await expect(hit.getByRole('link')).toHaveText(/^صورت‌جلسه‌ی .+ ۱۴[۰-۹]{2}، ساعت ۱۷:۰۰$/); // in the Jalali calendar
		await expect(hit.locator('mark')).toHaveText('سرمایه');
		await hit.getByRole('link').click();
		await expect(member).toHaveURL(new RegExp(`${minutesPath}$`));

		// The group page leads to the archive, which lists these minutes as archived and approved.
		await moderator.goto(groupPath);
		await moderator.getByRole('link', { name: 'Minutes archive' }).click();
		await expect(moderator).toHaveURL(/\/groups\/[a-z0-9]+\/minutes$/);
		archivePath = new URL(moderator.url()).pathname;
		const entry = moderator.locator('li').filter({ has: moderator.locator(`a[href="${minutesPath}"]`) });
		await expect(entry).toContainText('archived');
		await expect(entry).toContainText('Approved');
		await moderator.context().close();
		await member.context().close();
	});

	test('the minutes, print, archive and search pages pass axe and fit a phone, in both languages', async ({ browser, baseURL }, info) => {
		test.setTimeout(120_000);
		expect(minutesPath, 'the first test made minutes').not.toBe('');
		for (const locale of ['en', 'fa'] as const) {
			for (const [width, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
				const page = await personIn(browser, baseURL!, USERS.member, locale, viewport);
				const shot = (name: string) => capture(page, info, `${name}-${locale}-${width}`);
				const axe = async () => {
					if (width === 'desktop') expect(await seriousViolations(page)).toEqual([]);
				};
				await page.goto(minutesPath);
				await expect(page.locator('.hash')).toBeVisible();
				await axe();
				await shot('minutes-archived');
				await page.goto(`${minutesPath}/print`);
				await expect(page.locator('article.minutes')).toBeVisible();
				await axe();
				await shot('minutes-print');
				if (width === 'desktop') expect((await printPdf(page, info, `minutes-print-${locale}.pdf`)).length).toBeGreaterThan(20_000);
				await page.goto(archivePath);
				await expect(page.locator('ol li').first()).toBeVisible();
				await axe();
				await shot('minutes-archive');
				await page.goto(`/search?q=${encodeURIComponent('بازارچه')}`);
				await expect(page.locator('mark').first()).toBeVisible();
				await axe();
				await shot('search');
				await page.context().close();
			}
		}
	});
});

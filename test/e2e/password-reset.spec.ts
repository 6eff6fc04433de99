// A forgotten password, in the browser: the sign-in page's link, the request, the mail (read
// from the outbox folder the server writes when it has no SMTP server), the new password form,
// and signing in with the new password; the link works once.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { PASSWORD, USERS, signIn } from './support';

const outbox = path.join(tmpdir(), `rahkar-e2e-${Number(process.env.E2E_PORT ?? 4173)}`, 'outbox');

/** The reset link in the newest mail to `address` that is not one of `seen`. */
async function resetLink(address: string, seen: Set<string>): Promise<string> {
	let link: string | null = null;
	await expect
		.poll(
			async () => {
				for (const file of existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []) {
					if (seen.has(file)) continue;
					const mail = await simpleParser(readFileSync(path.join(outbox, file)));
					const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
					const m = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.text ?? '');
					if (to?.value[0]?.address === address && m) {
						seen.add(file);
						link = m[0];
						return true;
					}
				}
				return false;
			},
			{ timeout: 15_000 }
		)
		.toBe(true);
	const u = new URL(link!);
	return `${u.pathname}${u.search}`;
}

async function askForLink(page: import('@playwright/test').Page, email: string) {
	await page.goto('/login');
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await expect(page).toHaveURL(/\/forgot-password$/);
	await page.locator('#email').fill(email);
	await page.getByRole('button', { name: 'Mail me a link' }).click();
	await expect(page.getByRole('status')).toContainText(email);
}

test('a forgotten password is reset from a mailed link that works once', async ({ page }) => {
	const seen = new Set<string>(existsSync(outbox) ? readdirSync(outbox) : []);
	await askForLink(page, USERS.observer);
	const link = await resetLink(USERS.observer, seen);

	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
	await page.getByLabel('New password').fill('observer-new-pass-1');
	await page.getByRole('button', { name: 'Save the new password' }).click();
	await expect(page).toHaveURL(/\/login\?reset=1$/);
	await expect(page.getByRole('status')).toHaveText('Your password is changed. Sign in with the new one.');
	await signIn(page, USERS.observer, 'observer-new-pass-1');

	// The link is spent.
	await page.context().clearCookies();
	await page.goto(link);
	await expect(page.getByRole('alert')).toHaveText('This link is used or has expired. Ask for a new one.');

	// The other tests sign in with the demo password: set it back, the same way.
	await askForLink(page, USERS.observer);
	await page.goto(await resetLink(USERS.observer, seen));
	await page.getByLabel('New password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Save the new password' }).click();
	await signIn(page, USERS.observer, PASSWORD);
});

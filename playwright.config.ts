// End-to-end tests: the production build served by the real server (scripts/start.mjs, which
// builds when the build is stale), a fresh demo database, and Debian's Chromium.
import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
// A fixed path, emptied by the server command itself: this file is also evaluated in each
// worker, so it must not create or delete anything while the server runs.
const dataDir = path.join(tmpdir(), `rahkar-e2e-${port}`);

export default defineConfig({
	testDir: 'test/e2e',
	outputDir: 'test-results',
	// One server with one database: tests run one after another and pick different users
	// where they change a user's saved preferences.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL,
		locale: 'en-US',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: `rm -rf '${dataDir}' && exec node scripts/start.mjs`,
		url: `${baseURL}/healthz`,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: `file:${path.join(dataDir, 'e2e.db')}`,
			RAHKAR_DEMO: '1',
			RAHKAR_DEMO_PASSWORD: 'e2e-password-1',
			// No SMTP server: mail is written as .eml files here, where password-reset.spec.ts reads it.
			RAHKAR_OUTBOX_DIR: path.join(dataDir, 'outbox'),
			RAHKAR_MAIL_EVERY_SECONDS: '0.5',
			NODE_ENV: 'test',
			// Each request's log line would bury the test report: warnings and errors only.
			LOG_LEVEL: 'warn'
		},
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});

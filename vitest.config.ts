import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
			{
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['test/support/global-setup.ts'],
					testTimeout: 90_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});

// One lint configuration for the web app, the server, the tests and the tools.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'data/',
			'prisma/generated/',
			'prisma/postgresql/',
			'web/lib/paraglide/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Tool configurations that their tools load as CommonJS.
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	},
	{
		// Browser code imports shared/ (view types, schemas, wire constants), never server/ —
		// not even a type. Files that run only on the server are exempt. (Cycles and the
		// shared/ floor are checked by dependency-cruiser, .dependency-cruiser.cjs.)
		files: ['web/**/*.ts', 'web/**/*.svelte'],
		ignores: ['web/**/*.server.ts', 'web/lib/server/**', 'web/**/+server.ts', 'web/app.d.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$server', '$server/*', '**/server/*'],
							message: 'Browser code may not import server/: move the type or schema to shared/.'
						}
					]
				}
			]
		}
	},
	{
		rules: {
			// Unused names are errors, except ones marked as deliberately unused.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
		}
	}
);

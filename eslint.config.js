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
			'dist/',
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
		// Pages reach the database through domain functions only: they hand `locals.services.db`
		// on and never query it (no Prisma model calls or transactions in web/).
		files: ['web/**/*.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"CallExpression > MemberExpression.callee[object.type='MemberExpression'][property.name=/^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|create|createMany|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)$/]",
					message: 'A Prisma query in web/: move it into a domain function in server/domain and call that.'
				},
				{
					selector: 'MemberExpression[property.name=/^\\$(transaction|queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]',
					message: 'A Prisma transaction or raw query in web/: move it into a domain function in server/domain.'
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

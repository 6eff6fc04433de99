import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		files: {
			src: 'web',
			lib: 'web/lib',
			routes: 'web/routes',
			appTemplate: 'web/app.html',
			errorTemplate: 'web/error.html',
			hooks: { server: 'web/hooks.server', client: 'web/hooks.client', universal: 'web/hooks' },
			params: 'web/params',
			assets: 'static'
		},
		alias: { $shared: 'shared', $server: 'server' },
		typescript: {
			// One tsconfig for the whole repository: the server, shared code, tests and tools too.
			config: (tsconfig) => {
				tsconfig.include.push('../server/**/*.ts', '../shared/**/*.ts', '../test/**/*.ts', '../bench/**/*.ts', '../*.config.ts');
				return tsconfig;
			}
		}
	}
};

export default config;

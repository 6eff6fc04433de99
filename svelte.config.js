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
		// Content-Security-Policy of every page SvelteKit renders: a nonce on its own scripts on
		// dynamic pages, hashes on prerendered ones ('auto'). Nothing else may run, frame the app,
		// change the base URL or receive a form. The other security headers, and this policy's
		// fallback for responses SvelteKit does not render, are set in server/http/security-headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Style attributes are rendered by components (chart widths, timer, presence colours) and
				// set by the editor (collaboration carets): they cannot carry a nonce. Scripts stay strict.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// Socket.IO and the Yjs WebSocket are same-origin: CSP Level 3 'self' matches ws:/wss: of the page's own host.
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
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

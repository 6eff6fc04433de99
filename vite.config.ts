import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vite';
import type { Runtime } from './server/http/runtime';

/** In development, the same realtime layer (Socket.IO and the Yjs endpoint) rides on
 * Vite's own HTTP server, so `npm run dev` serves everything on one port. */
function rahkarRuntime(): Plugin {
	let runtime: Runtime | undefined;
	return {
		name: 'rahkar-runtime',
		async configureServer(server) {
			if (!server.httpServer) return;
			// Loaded through tsx rather than bundled into the config: the server is plain Node code.
			const { tsImport } = await import('tsx/esm/api');
			const { loadConfig } = (await tsImport('./server/config.ts', import.meta.url)) as typeof import('./server/config');
			const { startRuntime } = (await tsImport('./server/http/runtime.ts', import.meta.url)) as typeof import('./server/http/runtime');
			const { configureLogger } = (await tsImport(
				'./server/observability/logger.ts',
				import.meta.url
			)) as typeof import('./server/observability/logger');
			const config = loadConfig({ ...process.env, PORT: String(server.config.server.port ?? 5173) });
			configureLogger(config.log);
			runtime = await startRuntime(config);
			runtime.attach(server.httpServer as import('node:http').Server, 'leave');
			server.httpServer.once('close', () => void runtime?.close());
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './web/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		rahkarRuntime()
	],
	server: { port: 3000 }
});

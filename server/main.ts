// Rahkar's production entry: one process, one port for pages, Socket.IO and Yjs.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import { ConfigError, loadConfig } from './config';
import { startRuntime } from './http/runtime';
import { createApp } from './http/app';
import { configureLogger, logger } from './observability/logger';
import { appRoot as root } from './paths';

const PROTOCOL_HEADER = 'x-rahkar-protocol';

/** SvelteKit's adapter-node handler, loaded at run time so type checks skip the build. */
async function loadSvelteKit(): Promise<RequestHandler | null> {
	const file = path.join(root, 'build/handler.js');
	if (!existsSync(file)) return null;
	// adapter-node reads its settings from the environment when it loads. Without ORIGIN it
	// assumes https unless told otherwise, so we tell it through a header we set ourselves.
	process.env.PROTOCOL_HEADER ??= PROTOCOL_HEADER;
	// adapter-node refuses request bodies over 512 kB by default; a databank CSV of 10,000
	// people is about 1.5 MB. Deployers can still set their own limit.
	process.env.BODY_SIZE_LIMIT ??= '32M';
	const mod = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
	return mod.handler;
}

async function main() {
	let config;
	try {
		config = loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(error.message);
			process.exit(2);
		}
		throw error;
	}
	const log = configureLogger(config.log);
	const runtime = await startRuntime(config, (line) => log.info(line));
	const app = createApp({
		database: runtime.context.database,
		svelteKit: await loadSvelteKit(),
		clientDir: existsSync(path.join(root, 'build/client')) ? path.join(root, 'build/client') : null,
		origin: config.origin,
		observe: runtime.metrics.observeRequest,
		metrics: { metrics: runtime.metrics, access: config.metrics }
	});
	const server = createServer(app);
	runtime.attach(server);
	server.listen(config.port, config.host, () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : config.port;
		// Tests read this line to find the port when PORT=0.
		log.info({ port, database: config.databaseProvider }, `Rahkar listening on http://localhost:${port} (${config.databaseProvider})`);
	});

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info({ signal }, `${signal}: shutting down`);
		server.closeIdleConnections();
		const force = setTimeout(() => process.exit(1), 10_000);
		force.unref();
		await runtime.close();
		server.close(() => process.exit(0));
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
	logger().fatal({ err: error }, 'could not start');
	process.exit(1);
});

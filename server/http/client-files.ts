// The built client files (build/client), served before SvelteKit's handler. That handler
// lists the files once at start-up and pipes a read stream without an error handler, so a
// file removed since (a new build written in place while this process runs) crashed the
// whole process, and every meeting's connections with it. Here each listed file is checked
// when asked for: gone means 404 ("reload the page"), never a crash.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';

function listFiles(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const url = `${prefix}/${entry.name}`;
		return entry.isDirectory() ? listFiles(path.join(dir, entry.name), url) : [url];
	});
}

export function clientFiles(dir: string): RequestHandler {
	const listed = new Set(listFiles(dir));
	const serve = express.static(dir, {
		index: false,
		redirect: false,
		fallthrough: false,
		setHeaders(res, file) {
			// Hashed names: the same URL never changes, as SvelteKit's own handler says too.
			if (file.includes(`${path.sep}_app${path.sep}immutable${path.sep}`))
				res.setHeader('cache-control', 'public,max-age=31536000,immutable');
		}
	});
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		let pathname: string;
		try {
			pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
		} catch {
			return next(); // a malformed escape: SvelteKit answers it
		}
		if (!listed.has(pathname)) return next();
		serve(req, res, (error?: unknown) => {
			if (res.headersSent) return;
			const gone = !error || (error as { status?: number }).status === 404;
			res
				.status(gone ? 404 : 500)
				.type('text/plain')
				.send(gone ? 'Not found: the app was updated, reload the page.' : 'Could not read this file.');
		});
	};
}

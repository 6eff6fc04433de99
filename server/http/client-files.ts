// The built client files (build/client), served before SvelteKit's handler. That handler
// lists the files once at start-up and pipes a read stream without an error handler, so a
// file removed since (a new build written in place while this process runs) crashed the
// whole process, and every meeting's connections with it. Here each listed file is checked
// when asked for: gone means 404 ("reload the page"), never a crash. Like SvelteKit's
// handler, it sends the build's precompressed copy (.br, .gz) to browsers that accept it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function listFiles(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const url = `${prefix}/${entry.name}`;
		return entry.isDirectory() ? listFiles(path.join(dir, entry.name), url) : [url];
	});
}

export function clientFiles(dir: string): RequestHandler {
	const listed = new Set(listFiles(dir));
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		let pathname: string;
		try {
			pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
		} catch {
			return next(); // a malformed escape: SvelteKit answers it
		}
		if (!listed.has(pathname)) return next();
		const accepts = String(req.headers['accept-encoding'] ?? '');
		const encodings = (['br', 'gzip'] as const).filter((e) => listed.has(`${pathname}.${e === 'br' ? 'br' : 'gz'}`));
		const encoding = encodings.find((e) => accepts.includes(e));
		if (encodings.length) res.vary('accept-encoding');
		// The original's type, whichever copy is sent.
		res.type(path.extname(pathname) || 'application/octet-stream');
		if (encoding) res.setHeader('content-encoding', encoding);
		// Hashed names: the same URL never changes.
		const immutable = pathname.startsWith('/_app/immutable/');
		const file = encoding ? `${pathname}.${encoding === 'br' ? 'br' : 'gz'}` : pathname;
		res.sendFile(file.slice(1), { root: dir, dotfiles: 'allow', immutable, maxAge: immutable ? YEAR_MS : 0 }, (error) => {
			if (!error || res.headersSent) return;
			res.removeHeader('content-encoding');
			const gone = (error as { status?: number }).status === 404;
			res
				.status(gone ? 404 : 500)
				.type('text/plain')
				.send(gone ? 'Not found: the app was updated, reload the page.' : 'Could not read this file.');
		});
	};
}

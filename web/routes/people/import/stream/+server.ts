// The import form's script posts here instead of to the form action, to see how far the server
// has got: the answer is newline-delimited JSON, a `progress` line now and then while the file
// is read, checked and written, then one `result` line (the form action's result) or `error`.
import { error, isHttpError } from '@sveltejs/kit';
import { requireDatabankRight } from '$server/domain/databank/access';
import type { ImportProgress, ImportStreamLine } from '$shared/databank';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { readUpload, runImport } from '$lib/server/people-import';
import type { RequestHandler } from './$types';

/** Progress lines at most this often, and at each change of phase. */
const EVERY_MS = 150;

export const POST: RequestHandler = async ({ locals, url, request }) => {
	const user = requireUser(locals, url);
	const mode = url.searchParams.get('mode');
	if (mode !== 'check' && mode !== 'import') error(400, { message: 'INVALID' });
	await domainCall(() => requireDatabankRight(locals.services.db, user, 'manage'));
	// The whole upload is read before the answer starts: browsers do not expect one earlier.
	const upload = await readUpload(request);

	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			void work(controller);
		}
	});
	async function work(controller: ReadableStreamDefaultController<Uint8Array>) {
		const send = (line: ImportStreamLine) => {
			try {
				controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
			} catch {
				// The browser went away: the import carries on, only nobody is watching.
			}
		};
		let last = 0;
		let phase = '';
		const onProgress = (progress: ImportProgress) => {
			const now = performance.now();
			if (progress.phase === phase && now - last < EVERY_MS && progress.done < progress.total) return;
			[last, phase] = [now, progress.phase];
			send({ progress });
		};
		try {
			const { status, data } = await runImport(locals, url, upload, mode === 'check', onProgress);
			send({ result: status === 200 ? { type: 'success', status, data } : { type: 'failure', status, data } });
		} catch (e) {
			if (!isHttpError(e)) console.error(e);
			const status = isHttpError(e) ? e.status : 500;
			send({ result: { type: 'error', status, error: { message: isHttpError(e) ? e.body.message : 'INTERNAL' } } });
		}
		try {
			controller.close();
		} catch {
			// already closed by the browser going away
		}
	}
	return new Response(body, {
		headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' }
	});
};

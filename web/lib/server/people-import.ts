// The databank import as both ways of posting it run it: the plain form action (no script)
// and the streamed endpoint that reports progress while the server checks and writes.
import { error } from '@sveltejs/kit';
import { importPeople, type OnProgress } from '$server/domain/databank/csv-import-export';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { MalformedUpload, uploadedText } from '$lib/server/upload-text';
import type { FormFailure } from '$shared/forms';

/** What the form gets back: the report (or why there is none) and the file's name, in the
 * form failure's shape (shared/forms.ts) when refused; a file is not sent back, so no values. */
export interface ImportAnswer {
	status: 200 | 400;
	data: FormFailure & { report: Awaited<ReturnType<typeof importPeople>> | null; fileName?: string };
}

/** The posted file as text, or the answer that there is none; a malformed body is a 400. */
export async function readUpload(
	request: Request
): Promise<{ csv: string; fileName: string } | { status: 400; errors: Record<string, string> }> {
	let upload;
	try {
		upload = await uploadedText(request, 'file');
	} catch (e) {
		if (e instanceof MalformedUpload) error(400, { message: 'INVALID' });
		throw e;
	}
	if (!upload) return { status: 400, errors: { file: 'no_file' } };
	return { csv: upload.text, fileName: upload.name };
}

/** Checks the uploaded file (`dryRun`) or imports it. Domain errors become HTTP errors. */
export async function runImport(
	locals: App.Locals,
	url: URL,
	upload: Awaited<ReturnType<typeof readUpload>>,
	dryRun: boolean,
	onProgress?: OnProgress
): Promise<ImportAnswer> {
	const user = requireUser(locals, url);
	const which = dryRun ? 'check' : 'import';
	if ('status' in upload) return { status: upload.status, data: { errors: upload.errors, values: {}, which, report: null } };
	const report = await domainCall(() => importPeople(locals.services.db, user, upload.csv, { dryRun, onProgress }));
	// A file with errors is a failed submission even on the import button: nothing was written.
	return { status: report.errorCount ? 400 : 200, data: { report, fileName: upload.fileName, errors: {}, values: {}, which } };
}

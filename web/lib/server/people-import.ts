// The databank import as both ways of posting it run it: the plain form action (no script)
// and the streamed endpoint that reports progress while the server checks and writes.
import { error } from '@sveltejs/kit';
import { importPeople, type OnProgress } from '$server/domain/databank/csv-import-export';
import { requireUser } from '$lib/server/auth-guard';
import { domainCall } from '$lib/server/domain-call';
import { MalformedUpload, uploadedText } from '$lib/server/upload-text';

/** What the form gets back: the report (or why there is none) and the file's name. */
export interface ImportAnswer {
	status: 200 | 400;
	data: { report: Awaited<ReturnType<typeof importPeople>> | null; fileName?: string; errors: Record<string, string> };
}

/** The posted file as text, or the answer that there is none; a malformed body is a 400. */
export async function readUpload(request: Request): Promise<{ csv: string; fileName: string } | ImportAnswer> {
	let upload;
	try {
		upload = await uploadedText(request, 'file');
	} catch (e) {
		if (e instanceof MalformedUpload) error(400, { message: 'INVALID' });
		throw e;
	}
	if (!upload) return { status: 400, data: { errors: { file: 'no_file' }, report: null } };
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
	if ('status' in upload) return upload;
	const report = await domainCall(() => importPeople(locals.context.database.db, user, upload.csv, { dryRun, onProgress }));
	// A file with errors is a failed submission even on the import button: nothing was written.
	return { status: report.errorCount ? 400 : 200, data: { report, fileName: upload.fileName, errors: {} } };
}

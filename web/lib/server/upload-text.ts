// The text of one uploaded file, read from a multipart/form-data body as it arrives. Node's
// request.formData() collects the whole body and parses it in one go, and Blob.text() then
// decodes it in one go: for a 30 MB CSV each held the event loop for a second or more (every
// socket and /healthz waited). Here each network chunk is scanned and decoded on its own.

import { timeSlicer } from '$server/domain/csv';

export class MalformedUpload extends Error {}

/** The named file field's text and file name (null when the form has no such file, or it is
 * empty). Throws MalformedUpload for a body that is not well-formed multipart. */
export async function uploadedText(request: Request, field: string): Promise<{ name: string; text: string } | null> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(type)) return null;
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
	if (!boundary || !request.body) throw new MalformedUpload('no boundary');
	const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
	const blank = Buffer.from('\r\n\r\n');

	// The body is read as if it started with CRLF, so every delimiter looks the same.
	let buffer = Buffer.from('\r\n');
	type State = 'preamble' | 'headers' | 'body' | 'done';
	type Found = { name: string; parts: string[]; decoder: TextDecoder; bytes: number };
	let state = 'preamble' as State;
	let part: { name: string; filename: string | null } | null = null;
	let found = null as Found | null;

	const take = (bytes: Buffer) => {
		if (found && part?.name === field && part.filename !== null && found.name === part.filename) {
			found.parts.push(found.decoder.decode(bytes, { stream: true }));
			found.bytes += bytes.length;
		}
	};
	const step = (final: boolean): boolean => {
		if (state === 'preamble' || state === 'body') {
			const at = buffer.indexOf(delimiter);
			if (at === -1) {
				if (final) throw new MalformedUpload('no closing boundary');
				// Keep what could be the start of a delimiter split across chunks.
				const keep = Math.max(0, buffer.length - delimiter.length);
				if (state === 'body') take(buffer.subarray(0, keep));
				buffer = buffer.subarray(keep);
				return false;
			}
			if (buffer.length < at + delimiter.length + 2) {
				if (final) throw new MalformedUpload('cut short');
				return false;
			}
			if (state === 'body') take(buffer.subarray(0, at));
			const after = buffer.toString('latin1', at + delimiter.length, at + delimiter.length + 2);
			buffer = buffer.subarray(at + delimiter.length + 2);
			if (after === '--') state = 'done';
			else if (after === '\r\n') state = 'headers';
			else throw new MalformedUpload('bad delimiter');
			return true;
		}
		if (state === 'headers') {
			const at = buffer.indexOf(blank);
			if (at === -1) {
				if (final || buffer.length > 16 * 1024) throw new MalformedUpload('bad part headers');
				return false;
			}
			const headers = buffer.toString('utf8', 0, at);
			buffer = buffer.subarray(at + blank.length);
			const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
			const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
			const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
			part = { name, filename };
			if (name === field && filename !== null && !found) found = { name: filename, parts: [], decoder: new TextDecoder('utf-8'), bytes: 0 };
			state = 'body';
			return true;
		}
		return false;
	};

	const reader = request.body.getReader();
	// Chunks already queued resolve without going back to the event loop: give it back now and then.
	const pause = timeSlicer();
	for (;;) {
		await pause();
		const { done, value } = await reader.read();
		if (value) buffer = buffer.length ? Buffer.concat([buffer, value]) : Buffer.from(value);
		while (state !== 'done' && step(done)) {
			// each step consumes a delimiter or a part's headers
		}
		if (done || state === 'done') break;
	}
	if (state !== 'done') throw new MalformedUpload('cut short');
	await reader.cancel().catch(() => {});
	if (!found || found.bytes === 0) return null;
	found.parts.push(found.decoder.decode());
	return { name: found.name, text: found.parts.join('') };
}

// A QR code as one SVG path (one unit per module, a quiet zone of four), drawn by the page
// itself: no inline HTML, nothing for the content security policy to allow.
import QRCode from 'qrcode';

export interface QrPath {
	/** Modules on a side, with the quiet zone. */
	size: number;
	d: string;
}

export function qrPath(text: string): QrPath {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = modules.size;
	const quiet = 4;
	let d = '';
	for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.get(x, y)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
	return { size: n + 2 * quiet, d };
}

// A search snippet's parts regrouped into its lines, so each line (a title, a note, a
// name) takes its own direction: Persian lines read right-to-left beside English ones.
import type { SnippetPart } from '$shared/search';

/** The parts of each non-empty line, matches kept as matches. */
export function snippetLines(parts: SnippetPart[]): SnippetPart[][] {
	const lines: SnippetPart[][] = [[]];
	for (const part of parts) {
		part.text.split('\n').forEach((text, i) => {
			if (i > 0) lines.push([]);
			if (text) lines.at(-1)!.push({ text, match: part.match });
		});
	}
	return lines.filter((line) => line.some((p) => p.text.trim()));
}

// What the search page renders: snippets cut into plain and matched parts.

export interface SnippetPart {
	text: string;
	match: boolean;
}

// The shapes the action-item form actions answer with (web/lib/server/action-item-forms.ts).

export interface UpdateFailure {
	itemId: string;
	error: string;
	fields: Record<string, string>;
	values: { status: string; reason: string; note: string };
}

export interface CreateFailure {
	error: string;
	fields: Record<string, string>;
	values: Record<string, string>;
}

// A group's standing agenda items: what every new meeting of its series starts with
// (approval of the last minutes, follow-ups, any other business…). Kept on the group as
// JSON (Group.agendaTemplate); the form sends one title and one length per row.
import { z } from 'zod';
import { MAX_MINUTES, MAX_TITLE } from './agenda';

export const MAX_TEMPLATE_ITEMS = 20;

export const AgendaTemplateItem = z.object({
	title: z.string().trim().min(1).max(MAX_TITLE),
	minutes: z.coerce.number().int().min(0).max(MAX_MINUTES)
});
export type AgendaTemplateItem = z.infer<typeof AgendaTemplateItem>;

/** The form: rows left with an empty title are dropped, not refused (the form offers spare rows). */
export const AgendaTemplateInput = z.object({
	title: z.array(z.string()).max(MAX_TEMPLATE_ITEMS * 2),
	minutes: z.array(z.string()).max(MAX_TEMPLATE_ITEMS * 2)
});
export type AgendaTemplateInput = z.infer<typeof AgendaTemplateInput>;

/** The template as stored; anything unreadable counts as no template. */
export function storedTemplate(json: string): AgendaTemplateItem[] {
	try {
		const parsed = z.array(AgendaTemplateItem).max(MAX_TEMPLATE_ITEMS).safeParse(JSON.parse(json));
		return parsed.success ? parsed.data : [];
	} catch {
		return [];
	}
}

// What the adapters may send about action items, checked once in the domain (and read by
// the browser for its filters). Forms send "" for an empty field, so
// optional fields treat "" as absent.
import { z } from 'zod';
import { ACTION_STATUSES, MAX_ACTION_NOTE, MAX_ACTION_TITLE, isDay } from './action-items';
import { SIDES } from './sides';

const Id = z.string().min(1).max(64);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const Title = z.string().trim().min(1, 'required').max(MAX_ACTION_TITLE, 'too_long');
export const DueDate = z.string().refine(isDay, 'invalid_date');
/** Agenda item ids come from the Yjs document (shared/meeting-events.ts accepts the same). */
const AgendaItemId = z.string().regex(/^[\w.-]{1,64}$/);

export const CreateInput = z.object({
	groupId: Id,
	title: Title,
	ownerPersonId: z.string({ error: 'required' }).min(1, 'required').max(64),
	side: optional(z.enum(SIDES)),
	dueDate: DueDate,
	meetingId: optional(Id),
	agendaItemId: optional(AgendaItemId),
	decisionId: optional(Id),
	proposalId: optional(Id),
	outcomeId: optional(Id)
});
export type CreateInput = z.input<typeof CreateInput>;

export const EditInput = z.object({
	itemId: Id,
	title: Title,
	ownerPersonId: z.string().min(1, 'required').max(64),
	side: optional(z.enum(SIDES)),
	dueDate: DueDate
});
export type EditInput = z.input<typeof EditInput>;

const Note = z.preprocess(blankToUndefined, z.string().trim().max(MAX_ACTION_NOTE, 'too_long').optional());

export const StatusInput = z.object({
	itemId: Id,
	status: z.enum(ACTION_STATUSES, 'invalid'),
	reason: Note,
	note: Note
});
export type StatusInput = z.input<typeof StatusInput>;

export const NoteInput = z.object({ itemId: Id, note: z.string().trim().min(1, 'required').max(MAX_ACTION_NOTE, 'too_long') });
export type NoteInput = z.input<typeof NoteInput>;

/** The group list's filters (all optional; a GET form sends them as the query string). */
export const ListFilter = z.object({
	owner: optional(Id),
	side: optional(z.enum(SIDES)),
	/** A status, or "open" for everything not done. */
	status: optional(z.enum([...ACTION_STATUSES, 'open'])),
	/** overdue | soon (within two days) | week (within seven) | later */
	due: optional(z.enum(['overdue', 'soon', 'week', 'later'])),
	from: optional(DueDate),
	to: optional(DueDate)
});
export type ListFilter = z.output<typeof ListFilter>;

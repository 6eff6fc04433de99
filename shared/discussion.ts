// A proposal's discussion (دیدگاه‌ها): the input schemas, the views the page renders and the
// Socket.IO events, defined once for the domain, the form actions, the socket handlers and
// the browser. Comments are plain text; each paragraph keeps its own direction.
import { z } from 'zod';
import type { Ack } from './acks';

export const MAX_COMMENT = 5000;
export const MAX_HIDE_REASON = 500;

const Id = z.string().trim().min(1).max(64);
const Body = z.string().trim().min(1, 'required').max(MAX_COMMENT, 'too_long');

/** A new comment, or an answer to one (`parentId`; an empty field is a new thread). */
export const CommentInput = z.object({
	body: Body,
	parentId: z.preprocess((v) => (v === '' ? undefined : v), Id.optional())
});
export type CommentInput = z.input<typeof CommentInput>;

/** The author's new text for their comment; the old one is kept. */
export const CommentEditInput = z.object({ commentId: Id, body: Body });
export type CommentEditInput = z.input<typeof CommentEditInput>;

/** A moderator hides a comment, and says why (the reason is shown in its place). */
export const CommentHideInput = z.object({
	commentId: Id,
	reason: z.string().trim().min(1, 'required').max(MAX_HIDE_REASON, 'too_long')
});
export type CommentHideInput = z.input<typeof CommentHideInput>;

export interface CommentPerson {
	userId: string;
	name: string;
}

export interface CommentView {
	id: string;
	parentId: string | null;
	author: CommentPerson | null;
	/** Empty for a hidden comment: its body stays in the record, not on the page. */
	body: string;
	createdAt: string;
	editedAt: string | null;
	/** The bodies it had before its edits, newest first (none for a hidden comment). */
	history: { body: string; writtenAt: string; replacedAt: string }[];
	mentions: CommentPerson[];
	hidden: { reason: string; by: string | null; at: string } | null;
	rights: { canEdit: boolean; canHide: boolean };
	/** The records its text links to that the reader may open, shown as cards. */
	links: LinkCard[];
}

export const LINK_KINDS = ['proposal', 'action', 'person'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A record a comment links to: a proposal, an action item or a person of the databank.
 * `detail` is the proposal's state or the item's status (a code the page puts in words). */
export interface LinkCard {
	kind: LinkKind;
	id: string;
	title: string;
	detail: string | null;
}

const PATH_KIND: Record<string, LinkKind> = { proposals: 'proposal', actions: 'action', people: 'person' };
// A path of this app (alone or inside a full address): /proposals/<id>, /actions/<id>, /people/<id>.
const RECORD_LINK = /(?:^|[^\w/.-])(?:https?:\/\/[^\s/]+)?\/(proposals|actions|people)\/([a-z0-9]{8,40})(?![\w-])/g;

/** The records a text links to, in order, each once (at most `max`). */
export function linkTargets(body: string, max = 5): { kind: LinkKind; id: string }[] {
	const out: { kind: LinkKind; id: string }[] = [];
	for (const [, path, id] of body.matchAll(RECORD_LINK)) {
		const kind = PATH_KIND[path];
		if (!out.some((t) => t.kind === kind && t.id === id)) out.push({ kind, id });
		if (out.length === max) break;
	}
	return out;
}

export interface CommentThread extends CommentView {
	answers: CommentView[];
}

export interface DiscussionView {
	proposalId: string;
	/** May the reader write (a new comment or an answer). */
	canComment: boolean;
	/** Top-level comments, oldest first, each with its answers. */
	threads: CommentThread[];
	count: number;
	/** The group's members the reader may mention (they may read the proposal). */
	mentionable: CommentPerson[];
}

/** The paragraphs of a plain-text body: each line that is not blank, as written; each is
 * rendered with dir="auto", so a Persian line and an English one each read their own way. */
export const paragraphs = (body: string): string[] =>
	body
		.split(/\r?\n/)
		.map((line) => line.trimEnd())
		.filter((line) => line.trim() !== '');

export type Segment = { text: string; mention?: string };

/** A paragraph cut into plain text and `@Name` mentions of the given people (longest name
 * first, so «@Ali Reza» is not read as «@Ali»). */
export function segments(paragraph: string, mentions: readonly CommentPerson[]): Segment[] {
	const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
	const out: Segment[] = [];
	let rest = paragraph;
	while (rest) {
		let best: { at: number; person: CommentPerson } | null = null;
		for (const person of names) {
			const at = rest.indexOf('@' + person.name);
			if (at >= 0 && (!best || at < best.at)) best = { at, person };
		}
		if (!best) {
			out.push({ text: rest });
			break;
		}
		if (best.at > 0) out.push({ text: rest.slice(0, best.at) });
		out.push({ text: '@' + best.person.name, mention: best.person.userId });
		rest = rest.slice(best.at + best.person.name.length + 1);
	}
	return out;
}

export const DiscussionRef = z.object({ proposalId: Id });
export type DiscussionRef = z.infer<typeof DiscussionRef>;

export interface DiscussionClientEvents {
	/** Follows a proposal's discussion (whoever may read the proposal). */
	'discussion:watch': (payload: DiscussionRef, ack: (result: Ack) => void) => void;
	'discussion:unwatch': (payload: DiscussionRef, ack: (result: Ack) => void) => void;
}

export interface DiscussionServerEvents {
	/** Something in the discussion changed (a comment, an answer, an edit, a hiding): read it again. */
	'discussion:changed': (payload: { proposalId: string; commentId: string }) => void;
}

// Who may do what in a proposal's discussion, as pure rules over the group rights of
// server/domain/access.ts. Reading follows the proposal (proposal-access.ts: whoever may read
// it reads its discussion); writing follows the group's edit right (members, executors,
// moderators and administrators; never observers); only its author edits a comment; only
// moderators (and administrators) hide one, and a hidden comment changes no more.
import type { GroupAccess } from '../access';
import type { CommentPerson } from '../../../shared/discussion';
import { normalizeText } from '../persian';

/** May write a comment or an answer. */
export const mayComment = (access: GroupAccess): boolean => access.canEdit;

interface CommentState {
	authorId: string | null;
	hiddenAt: Date | null;
}

/** May change the text of this comment: its author, while still writing in the group. */
export const mayEditComment = (userId: string, access: GroupAccess, c: CommentState): boolean =>
	c.hiddenAt === null && c.authorId !== null && c.authorId === userId && mayComment(access);

/** May hide this comment (with a reason). */
export const mayHideComment = (access: GroupAccess, c: CommentState): boolean => c.hiddenAt === null && access.canModerate;

/** Which of the candidates the text mentions as `@Name` (letter variants, joiners and digits
 * read as search does; the longest name first, so «@Ali Reza» is not also «@Ali»). */
export function mentionedIn(body: string, candidates: readonly CommentPerson[]): CommentPerson[] {
	let text = normalizeText(body);
	const found: CommentPerson[] = [];
	for (const person of [...candidates].sort((a, b) => b.name.length - a.name.length)) {
		const needle = normalizeText('@' + person.name);
		if (needle.length < 2) continue;
		// A whole name only: «@Ali» does not mention Ali in «@Alice».
		const whole = new RegExp(escape(needle) + '(?![\\p{L}\\p{M}\\p{N}])', 'gu');
		if (!whole.test(text)) continue;
		found.push(person);
		text = text.replace(whole, ' ');
	}
	return found;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

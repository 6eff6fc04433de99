// The discussion's pure rules: who may write, edit and hide (from the group rights of
// access.ts), which members a text mentions, and how a body is cut into paragraphs and
// mentions for the page.
import { describe, expect, it } from 'vitest';
import { accessFor } from '../../server/domain/access';
import { mayComment, mayEditComment, mayHideComment, mentionedIn } from '../../server/domain/discussion/rules';
import { linkTargets, paragraphs, segments } from '../../shared/discussion';

const seat = (role: 'MODERATOR' | 'MEMBER' | 'EXECUTOR' | 'OBSERVER') => accessFor('g', false, { role, side: 'EXPERT' });
const admin = accessFor('g', true, null);
const open = { authorId: 'u1', hiddenAt: null };
const hidden = { authorId: 'u1', hiddenAt: new Date() };

describe('rights', () => {
	it('members, executors, moderators and administrators write; observers read', () => {
		expect([seat('MEMBER'), seat('EXECUTOR'), seat('MODERATOR'), admin].map(mayComment)).toEqual([true, true, true, true]);
		expect(mayComment(seat('OBSERVER'))).toBe(false);
	});
	it('only the author edits, and not once hidden or when they may no longer write', () => {
		expect(mayEditComment('u1', seat('MEMBER'), open)).toBe(true);
		expect(mayEditComment('u2', seat('MODERATOR'), open)).toBe(false);
		expect(mayEditComment('u2', admin, open)).toBe(false);
		expect(mayEditComment('u1', seat('OBSERVER'), open)).toBe(false);
		expect(mayEditComment('u1', seat('MEMBER'), hidden)).toBe(false);
		expect(mayEditComment('u1', seat('MEMBER'), { authorId: null, hiddenAt: null })).toBe(false);
	});
	it('moderators and administrators hide, once', () => {
		expect([seat('MODERATOR'), admin].map((a) => mayHideComment(a, open))).toEqual([true, true]);
		expect([seat('MEMBER'), seat('EXECUTOR'), seat('OBSERVER')].map((a) => mayHideComment(a, open))).toEqual([false, false, false]);
		expect(mayHideComment(seat('MODERATOR'), hidden)).toBe(false);
	});
});

describe('mentions', () => {
	const ali = { userId: 'a', name: 'Ali' };
	const aliReza = { userId: 'ar', name: 'Ali Reza' };
	const behnaz = { userId: 'b', name: 'بهناز محمدی' };
	it('finds whole names after @, the longest first', () => {
		expect(mentionedIn('@Ali Reza, what do you think?', [ali, aliReza])).toEqual([aliReza]);
		expect(
			mentionedIn('@Ali and @Ali Reza', [ali, aliReza])
				.map((p) => p.userId)
				.sort()
		).toEqual(['a', 'ar']);
		expect(mentionedIn('@Alice, hello; mail ali@example.org', [ali])).toEqual([]);
		expect(mentionedIn('Ali without the sign', [ali])).toEqual([]);
	});
	it('reads Persian as search does: Arabic letters, joiners', () => {
		expect(mentionedIn('سلام @بهناز محمدي، نظرتان؟', [behnaz])).toEqual([behnaz]);
		const tahereh = { userId: 't', name: 'طاهره نیک\u200cنام' };
		expect(mentionedIn('@طاهره نیکنام لطفاً ببینید', [tahereh])).toEqual([tahereh]);
	});
});

describe('links', () => {
	it('finds this app’s record addresses, alone or in a full address, each once, at most five', () => {
		const id = 'cmx5rz3cg004x117d95qt3sh1';
		expect(linkTargets(`see /proposals/${id}, https://rahkar.example/actions/${id}. and (/people/${id}) and /proposals/${id}`)).toEqual([
			{ kind: 'proposal', id },
			{ kind: 'action', id },
			{ kind: 'person', id }
		]);
		expect(linkTargets(`a/proposals/${id} /groups/${id} /proposals/short`)).toEqual([]);
		expect(linkTargets(Array.from({ length: 7 }, (_, i) => `/people/person${i}abcdefgh`).join(' '))).toHaveLength(5);
	});
});

describe('the body on the page', () => {
	it('is one paragraph per non-blank line, each keeping its own text', () => {
		expect(paragraphs('سلام\r\n\nA line in English  \n   \nآخر')).toEqual(['سلام', 'A line in English', 'آخر']);
	});
	it('cuts out the mentions of the given people', () => {
		const people = [
			{ userId: 'a', name: 'Ali' },
			{ userId: 'ar', name: 'Ali Reza' }
		];
		expect(segments('Hi @Ali Reza and @Ali!', people)).toEqual([
			{ text: 'Hi ' },
			{ text: '@Ali Reza', mention: 'ar' },
			{ text: ' and ' },
			{ text: '@Ali', mention: 'a' },
			{ text: '!' }
		]);
		expect(segments('no mentions', people)).toEqual([{ text: 'no mentions' }]);
	});
});

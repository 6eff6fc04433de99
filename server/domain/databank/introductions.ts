// Introductions: the organisation's linking role, recorded. Who was introduced to whom, by
// whom and when; the status moves PROPOSED → ACCEPTED → WORKING, or to DECLINED from any
// open state; every change is kept with who made it and when.
import { z } from 'zod';
import type { Db } from '../../db/client';
import { INTRODUCTION_STATUSES, type IntroductionStatus } from '../../../shared/databank';
import type { Actor } from '../access';
import { requireDatabankRight } from './access';
import { DomainError } from '../errors';
import { parse } from '../validation';

/** The moves an introduction may make from each status. */
export const NEXT_STATUS: Record<IntroductionStatus, readonly IntroductionStatus[]> = {
	PROPOSED: ['ACCEPTED', 'DECLINED'],
	ACCEPTED: ['WORKING', 'DECLINED'],
	WORKING: [],
	DECLINED: []
};

export const canMove = (from: IntroductionStatus, to: IntroductionStatus): boolean => NEXT_STATUS[from].includes(to);

export const IntroductionInput = z.object({
	personId: z.string().min(1, 'required').max(40),
	toPersonId: z.string().min(1, 'required').max(40),
	note: z.string().trim().max(1000, 'too_long').default('')
});
export type IntroductionInput = z.input<typeof IntroductionInput>;

/** Records an introduction between two consenting, active people (administrators and moderators). */
export async function introduce(db: Db, actor: Actor, input: IntroductionInput): Promise<{ id: string }> {
	await requireDatabankRight(db, actor, 'link');
	const data = parse(IntroductionInput, input);
	if (data.personId === data.toPersonId) throw new DomainError('INVALID', 'self-introduction', { toPersonId: 'same' });
	const people = await db.person.findMany({
		where: { id: { in: [data.personId, data.toPersonId] }, organisationId: actor.organisationId },
		select: { id: true, consent: true, archivedAt: true }
	});
	if (people.length !== 2) throw new DomainError('NOT_FOUND', 'person not found');
	if (people.some((p) => !p.consent || p.archivedAt))
		throw new DomainError('CONFLICT', 'both people must consent', { toPersonId: 'no_consent' });
	const open = await db.introduction.findFirst({
		where: {
			status: { in: ['PROPOSED', 'ACCEPTED', 'WORKING'] },
			OR: [
				{ personId: data.personId, toPersonId: data.toPersonId },
				{ personId: data.toPersonId, toPersonId: data.personId }
			]
		},
		select: { id: true }
	});
	if (open) throw new DomainError('CONFLICT', 'already introduced', { toPersonId: 'already' });
	return db.introduction.create({
		data: {
			organisationId: actor.organisationId,
			personId: data.personId,
			toPersonId: data.toPersonId,
			note: data.note,
			byUserId: actor.userId,
			events: { create: { status: 'PROPOSED', byUserId: actor.userId } }
		},
		select: { id: true }
	});
}

/** Moves an introduction to its next status, keeping who and when. */
export async function setIntroductionStatus(db: Db, actor: Actor, id: string, status: IntroductionStatus): Promise<void> {
	await requireDatabankRight(db, actor, 'link');
	const to = parse(z.enum(INTRODUCTION_STATUSES), status);
	const intro = await db.introduction.findFirst({ where: { id, organisationId: actor.organisationId }, select: { status: true } });
	if (!intro) throw new DomainError('NOT_FOUND', 'introduction not found');
	if (!canMove(intro.status, to)) throw new DomainError('CONFLICT', `cannot move from ${intro.status} to ${to}`, { status: 'not_allowed' });
	await db.$transaction(async (tx) => {
		// The status guard makes two simultaneous moves from one status apply once.
		const moved = await tx.introduction.updateMany({ where: { id, status: intro.status }, data: { status: to } });
		if (moved.count !== 1) throw new DomainError('CONFLICT', 'the introduction changed meanwhile', { status: 'stale' });
		await tx.introductionEvent.create({ data: { introductionId: id, status: to, byUserId: actor.userId } });
	});
}

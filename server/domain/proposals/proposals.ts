// Filing a proposal and revising its text. Every version is kept (ProposalRevision), and
// every change is on the timeline.
import type { Db } from '../../db/client';
import { NewProposalInput, ProposalInput, type Need } from '../../../shared/proposals';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { parse } from '../validation';
import { checkLinks } from './people-links';
import { findProposal, proposalActor, readableGroup } from './proposal-access';
import { moveState, recordEvent, type Tx } from './timeline';
import { checkMove, mayEditText, mayFile } from './rules';

type Text = { title: string; problem: string; idea: string; needs: { need: Need; note: string }[] };

/** The needs as one line each, as a revision keeps them (and the diff compares them). */
export const needsText = (needs: { need: Need; note: string }[]): string =>
	needs.map((n) => (n.note ? `${n.need}: ${n.note}` : n.need)).join('\n');

async function writeRevision(tx: Tx, proposalId: string, number: number, text: Text, note: string, byUserId: string) {
	await tx.proposalRevision.create({
		data: { proposalId, number, title: text.title, problem: text.problem, idea: text.idea, needs: needsText(text.needs), note, byUserId }
	});
}

async function replaceLinks(tx: Tx, proposalId: string, d: Pick<ProposalInput, 'needs' | 'people'>) {
	await tx.proposalNeed.deleteMany({ where: { proposalId } });
	await tx.proposalPerson.deleteMany({ where: { proposalId } });
	if (d.needs?.length) await tx.proposalNeed.createMany({ data: d.needs.map((n) => ({ proposalId, need: n.need, note: n.note ?? '' })) });
	if (d.people?.length)
		await tx.proposalPerson.createMany({ data: d.people.map((p) => ({ proposalId, personId: p.personId, role: p.role })) });
}

/** The group a proposal is filed for, for its form: NOT_FOUND for strangers, FORBIDDEN for
 * those who may not file (observers). fileProposal checks the same. */
export async function groupToFileIn(db: Db, actor: Actor, groupId: string): Promise<{ id: string; name: string }> {
	const access = await readableGroup(db, actor, groupId, () => new DomainError('NOT_FOUND', 'group not found'));
	if (!mayFile(access)) throw new DomainError('FORBIDDEN', 'observers do not file proposals');
	return db.group.findUniqueOrThrow({ where: { id: groupId }, select: { id: true, name: true } });
}

/** A member files a proposal for a group: a draft, or submitted at once (`submit`). */
export async function fileProposal(db: Db, actor: Actor, groupId: string, input: NewProposalInput): Promise<{ id: string }> {
	const access = await readableGroup(db, actor, groupId, () => new DomainError('NOT_FOUND', 'group not found'));
	if (!mayFile(access)) throw new DomainError('FORBIDDEN', 'observers do not file proposals');
	const d = parse(NewProposalInput, input);
	if (d.meetingId) {
		const meeting = await db.meeting.findFirst({ where: { id: d.meetingId, groupId }, select: { id: true } });
		if (!meeting) throw new DomainError('INVALID', 'unknown meeting', { meetingId: 'unknown' });
	}
	await checkLinks(db, actor, groupId, d.people);
	const who = proposalActor(actor, access, { authorId: actor.userId, outcome: null });
	if (d.submit) checkMove(who, 'DRAFT', 'SUBMITTED', 'transition');

	return db.$transaction(async (tx) => {
		const proposal = await tx.proposal.create({
			data: {
				groupId,
				title: d.title,
				problem: d.problem,
				idea: d.idea,
				authorId: actor.userId,
				meetingId: d.meetingId,
				agendaItemId: d.meetingId ? d.agendaItemId : null
			},
			select: { id: true }
		});
		await replaceLinks(tx, proposal.id, d);
		await writeRevision(tx, proposal.id, 1, d, d.note, actor.userId);
		await recordEvent(tx, {
			proposalId: proposal.id,
			kind: 'CREATED',
			byUserId: actor.userId,
			meetingId: d.meetingId,
			detail: d.agendaItemId ?? '',
			reason: d.note
		});
		if (d.submit)
			await moveState(tx, { proposalId: proposal.id, from: 'DRAFT', to: 'SUBMITTED', byUserId: actor.userId, meetingId: d.meetingId });
		return proposal;
	});
}

/** A new version of the text (and needs and linked people). `revision` is the version the
 * editor started from: if someone saved in between, this save is refused as stale. */
export async function reviseProposal(
	db: Db,
	actor: Actor,
	proposalId: string,
	input: ProposalInput & { revision?: number }
): Promise<{ revision: number }> {
	const { proposal, who } = await findProposal(db, actor, proposalId);
	if (!mayEditText(who, proposal.state)) throw new DomainError('FORBIDDEN', 'not allowed to edit this proposal now');
	const d = parse(ProposalInput, input);
	const base = input.revision ?? proposal.revision;
	const existing = await db.proposalPerson.findMany({ where: { proposalId }, select: { personId: true } });
	await checkLinks(
		db,
		actor,
		proposal.groupId,
		d.people,
		existing.map((p) => p.personId)
	);

	return db.$transaction(async (tx) => {
		const next = base + 1;
		// Compare-and-set on the revision and on an editable state: a concurrent save or a
		// move out of the editable states makes this one stale.
		const changed = await tx.proposal.updateMany({
			where: { id: proposalId, revision: base, state: proposal.state },
			data: { title: d.title, problem: d.problem, idea: d.idea, revision: next }
		});
		if (changed.count !== 1) throw new DomainError('CONFLICT', 'stale', { form: 'stale' });
		await replaceLinks(tx, proposalId, d);
		await writeRevision(tx, proposalId, next, d, d.note, actor.userId);
		await recordEvent(tx, { proposalId, kind: 'EDITED', byUserId: actor.userId, detail: String(next), reason: d.note });
		return { revision: next };
	});
}

/** What the edit form starts from. */
export async function proposalForEdit(db: Db, actor: Actor, proposalId: string) {
	const { proposal, who } = await findProposal(db, actor, proposalId);
	if (!mayEditText(who, proposal.state)) throw new DomainError('FORBIDDEN', 'not allowed to edit this proposal now');
	const p = await db.proposal.findUniqueOrThrow({
		where: { id: proposalId },
		select: {
			id: true,
			groupId: true,
			title: true,
			problem: true,
			idea: true,
			revision: true,
			needs: { select: { need: true, note: true } },
			people: { select: { personId: true, role: true } }
		}
	});
	return p;
}

// The proposal lifecycle against a real (seeded) database: filing, revisions, the timeline,
// each side's review, a consensus decision in a live meeting, execution with milestones and
// updates, delivery and the public page — with every role's refusals on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { DomainError } from '../../server/domain/errors';
import { startMeeting } from '../../server/domain/meetings/lifecycle';
import { fileProposal, reviseProposal } from '../../server/domain/proposals/proposals';
import { moveProposal } from '../../server/domain/proposals/transitions';
import { reviewProposal } from '../../server/domain/proposals/reviews';
import { decideByConsensus } from '../../server/domain/proposals/decisions';
import { proposalDetail } from '../../server/domain/proposals/detail';
import { proposalBoard, setProposalSettings } from '../../server/domain/proposals/board';
import { compareRevisions } from '../../server/domain/proposals/revisions';
import {
	addMilestone,
	addOutcomeUpdate,
	deliverOutcome,
	setMilestoneProgress,
	startExecution
} from '../../server/domain/proposals/outcomes';
import { outcomeDetail, outcomesOverview, publicOutcomes } from '../../server/domain/proposals/outcome-views';
import { actorFor, nextMeeting, seededDatabase } from '../support/meeting-fixture';

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let groupId: string;
let otherGroupId: string;
let meetingId: string;
const actors: Record<string, Actor> = {};

const code = async (p: Promise<unknown>): Promise<string | null> => {
	try {
		await p;
		return null;
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
};

beforeAll(async () => {
	fixture = await seededDatabase();
	db = fixture.database.db;
	const groups = await db.group.findMany({ orderBy: { createdAt: 'asc' } });
	[groupId, otherGroupId] = [groups[0].id, groups[1].id];
	for (const who of ['moderator', 'member', 'observer', 'executor', 'admin']) actors[who] = await actorFor(db, who);
	const org = actors.admin.organisationId;
	// Seated nowhere, and a member of the other group only.
	actors.stranger = { userId: 'u-stranger', organisationId: org, personId: null, isAdmin: false };
	const outsider = await db.membership.findFirstOrThrow({
		where: { groupId: otherGroupId, side: 'LEGAL' },
		orderBy: { createdAt: 'desc' }
	});
	actors.outsider = { userId: 'u-outsider', organisationId: org, personId: outsider.personId, isAdmin: false };
	meetingId = (await nextMeeting(db)).id;
});
afterAll(async () => fixture?.dispose());

const base = {
	title: 'Neighbourhood shop for home-made goods',
	problem: 'Home businesses have nowhere to sell.',
	idea: 'A pilot shop in district 4.'
};

describe('filing and revising', () => {
	it('refuses observers and strangers, and keeps a draft to its author and the moderators', async () => {
		expect(await code(fileProposal(db, actors.observer, groupId, base))).toBe('FORBIDDEN');
		expect(await code(fileProposal(db, actors.stranger, groupId, base))).toBe('NOT_FOUND');
		expect(await code(fileProposal(db, actors.outsider, groupId, base))).toBe('NOT_FOUND');
		expect(await code(fileProposal(db, actors.member, groupId, { ...base, title: '' }))).toBe('INVALID');

		const { id } = await fileProposal(db, actors.member, groupId, base);
		expect((await proposalDetail(db, actors.member, id)).state).toBe('DRAFT');
		expect((await proposalDetail(db, actors.moderator, id)).rights.moves).toEqual(['SUBMITTED', 'WITHDRAWN']);
		for (const who of ['executor', 'observer', 'stranger']) expect(await code(proposalDetail(db, actors[who], id)), who).toBe('NOT_FOUND');
		const board = await proposalBoard(db, actors.executor, groupId);
		expect(board.columns.flatMap((c) => c.cards).some((c) => c.id === id)).toBe(false);
	});

	it('files from a meeting with needs and linked people, and keeps every revision with a diff', async () => {
		const [ideaOwner, expert] = await db.person.findMany({ where: { consent: true }, orderBy: { name: 'asc' }, take: 2 });
		const { id } = await fileProposal(db, actors.member, groupId, {
			...base,
			meetingId,
			agendaItemId: 'item-7',
			needs: [
				{ need: 'CAPITAL', note: '200 million rials' },
				{ need: 'PERMITS', note: '' }
			],
			people: [
				{ personId: ideaOwner.id, role: 'IDEA_OWNER' },
				{ personId: expert.id, role: 'EXPERT' }
			],
			submit: true
		});
		let detail = await proposalDetail(db, actors.member, id);
		expect(detail).toMatchObject({ state: 'SUBMITTED', revision: 1, raisedIn: { meetingId, agendaItemId: 'item-7' } });
		expect(detail.needs.map((n) => n.need).sort()).toEqual(['CAPITAL', 'PERMITS']);
		expect(detail.people).toHaveLength(2);

		// Someone not seated in the group cannot be linked by a plain member unless they consented.
		const hidden = await db.person.findFirstOrThrow({ where: { consent: false, memberships: { none: { groupId } } } });
		expect(await code(reviseProposal(db, actors.member, id, { ...base, people: [{ personId: hidden.id, role: 'EXPERT' }] }))).toBe(
			'INVALID'
		);

		expect(await code(reviseProposal(db, actors.executor, id, { ...base, title: 'Hijacked' }))).toBe('FORBIDDEN');
		await reviseProposal(db, actors.member, id, {
			...base,
			idea: 'A pilot shop in district 4, open on Fridays.',
			note: 'After the expert asked',
			revision: 1
		});
		// A save from an old copy is refused, not silently merged.
		expect(await code(reviseProposal(db, actors.moderator, id, { ...base, revision: 1 }))).toBe('CONFLICT');

		const diff = await compareRevisions(db, actors.executor, id);
		expect(diff).toMatchObject({ from: 1, to: 2 });
		expect(diff.revisions.map((r) => r.note)).toEqual(['', 'After the expert asked']);
		const idea = diff.fields.find((f) => f.field === 'idea')!;
		expect(idea.parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['4, open on Fridays.']);
		expect(diff.fields.find((f) => f.field === 'needs')!.parts.some((p) => p.op !== 'same')).toBe(true);

		detail = await proposalDetail(db, actors.member, id);
		expect(detail.timeline.map((e) => e.kind)).toEqual(['CREATED', 'STATE', 'EDITED']);
		expect(detail.timeline[2]).toMatchObject({ detail: '2', reason: 'After the expert asked', by: expect.any(String) });
	});
});

describe('review, decision, execution, delivery', () => {
	let id: string;

	it('moves into review by the moderator only, and each side reviews for itself', async () => {
		id = (await fileProposal(db, actors.member, groupId, { ...base, submit: true })).id;
		expect(await code(moveProposal(db, actors.member, id, { to: 'IN_REVIEW' }))).toBe('FORBIDDEN');
		expect(await code(reviewProposal(db, actors.moderator, id, { side: 'EXPERT', verdict: 'SUPPORTS', reasons: 'x' }))).toBe('CONFLICT');
		await moveProposal(db, actors.moderator, id, { to: 'IN_REVIEW', reason: 'On the agenda' });

		// The entrepreneur (member) proposes; an observer only watches; the executor speaks for the executor side only.
		expect(await code(reviewProposal(db, actors.member, id, { side: 'EXPERT', verdict: 'SUPPORTS', reasons: 'x' }))).toBe('FORBIDDEN');
		expect(await code(reviewProposal(db, actors.observer, id, { side: 'MEDIA', verdict: 'SUPPORTS', reasons: 'x' }))).toBe('FORBIDDEN');
		expect(await code(reviewProposal(db, actors.executor, id, { side: 'LEGAL', verdict: 'SUPPORTS', reasons: 'x' }))).toBe('FORBIDDEN');
		expect(await code(reviewProposal(db, actors.executor, id, { side: 'EXECUTOR', reasons: 'no feasibility given' }))).toBe('INVALID');
		await reviewProposal(db, actors.executor, id, {
			side: 'EXECUTOR',
			feasibility: 'FEASIBLE',
			estimateWeeks: 8,
			estimateCost: '150m rials',
			reasons: 'We have a shop front.'
		});
		await reviewProposal(db, actors.moderator, id, { side: 'EXPERT', verdict: 'SUPPORTS', reasons: 'Sound plan.' });
		await reviewProposal(db, actors.moderator, id, { side: 'LEGAL', verdict: 'CONDITIONS', reasons: 'Needs a trade licence.' });
		await reviewProposal(db, actors.moderator, id, { side: 'LEGAL', verdict: 'SUPPORTS', reasons: 'Licence found.' });

		const detail = await proposalDetail(db, actors.observer, id);
		expect(detail.positions).toEqual({
			ENTREPRENEUR: 'PROPOSES',
			EXPERT: 'SUPPORTS',
			AGENCY: 'NONE',
			LEGAL: 'SUPPORTS',
			MEDIA: 'NONE',
			EXECUTOR: 'FEASIBLE'
		});
		expect(detail.reviews.find((r) => r.side === 'EXECUTOR')).toMatchObject({ estimateWeeks: 8, estimateCost: '150m rials' });
		// Both legal positions stay on the timeline.
		expect(detail.timeline.filter((e) => e.kind === 'REVIEWED' && e.side === 'LEGAL').map((e) => e.reason)).toEqual([
			'Needs a trade licence.',
			'Licence found.'
		]);
		expect(detail.rights.reviewSides).toEqual([]);
	});

	it('decides only in a live meeting, by a moderator, and records the decision on the meeting', async () => {
		const consensus = { meetingId, proposalId: id, outcome: 'APPROVED' as const, text: 'Agreed by all sides' };
		expect(await code(decideByConsensus(db, actors.moderator, consensus))).toBe('CONFLICT'); // not live yet
		await startMeeting(db, actors.moderator, { meetingId });
		expect(await code(decideByConsensus(db, actors.member, consensus))).toBe('FORBIDDEN');
		expect(await code(decideByConsensus(db, actors.stranger, consensus))).toBe('NOT_FOUND');
		expect(await code(moveProposal(db, actors.moderator, id, { to: 'APPROVED' }))).toBe('CONFLICT'); // not a plain move
		await decideByConsensus(db, actors.moderator, consensus);
		expect(await code(decideByConsensus(db, actors.moderator, consensus))).toBe('CONFLICT'); // already decided

		const decision = await db.decision.findFirstOrThrow({ where: { proposalId: id } });
		expect(decision).toMatchObject({ meetingId, method: 'CONSENSUS', outcome: 'APPROVED', text: 'Agreed by all sides' });
		expect((await proposalDetail(db, actors.member, id)).state).toBe('APPROVED');
	});

	it('becomes an outcome with an executor seated in the group, tracked until delivered', async () => {
		const executor = await db.membership.findFirstOrThrow({ where: { groupId, role: 'EXECUTOR' } });
		const foreign = await db.membership.findFirstOrThrow({
			where: { groupId: otherGroupId, side: 'EXECUTOR' },
			orderBy: { createdAt: 'desc' }
		});
		const start = { kind: 'SERVICE' as const, executorPersonId: executor.personId, description: 'A shop run by the district centre.' };
		expect(await code(startExecution(db, actors.executor, id, start))).toBe('FORBIDDEN');
		expect(await code(startExecution(db, actors.moderator, id, { ...start, executorPersonId: foreign.personId }))).toBe('INVALID');
		const { outcomeId } = await startExecution(db, actors.moderator, id, start);
		expect(await code(startExecution(db, actors.moderator, id, start))).toBe('CONFLICT');

		// The outcome's executor runs it; a plain member and an observer do not.
		expect(await code(addMilestone(db, actors.member, outcomeId, { title: 'Lease', dueDate: '2027-02-01' }))).toBe('FORBIDDEN');
		const lease = await addMilestone(db, actors.executor, outcomeId, { title: 'Lease signed', dueDate: '2027-02-01', progress: 100 });
		const fit = await addMilestone(db, actors.executor, outcomeId, { title: 'Shop fitted', dueDate: '2027-03-01' });
		expect(await code(addMilestone(db, actors.executor, outcomeId, { title: 'Bad', dueDate: '2027-13-45' }))).toBe('INVALID');
		await setMilestoneProgress(db, actors.executor, outcomeId, { milestoneId: fit.id, progress: 50 });
		expect(await code(setMilestoneProgress(db, actors.executor, outcomeId, { milestoneId: lease.id, progress: 140 }))).toBe('INVALID');
		expect(await code(addOutcomeUpdate(db, actors.executor, outcomeId, { note: 'x', linkUrl: 'javascript:alert(1)' }))).toBe('INVALID');
		await addOutcomeUpdate(db, actors.executor, outcomeId, {
			note: 'Supplier late',
			status: 'AT_RISK',
			linkUrl: 'https://example.org/letter.pdf',
			linkTitle: 'Letter'
		});

		let outcome = await outcomeDetail(db, actors.observer, outcomeId);
		expect(outcome).toMatchObject({ kind: 'SERVICE', status: 'AT_RISK', progress: 75, rights: { canRun: false, canDeliver: false } });
		expect(outcome.updates[0]).toMatchObject({ note: 'Supplier late', linkUrl: 'https://example.org/letter.pdf' });
		expect((await outcomeDetail(db, actors.executor, outcomeId)).rights).toEqual({ canRun: true, canDeliver: true });
		expect(await code(outcomeDetail(db, actors.stranger, outcomeId))).toBe('NOT_FOUND');

		expect(await code(deliverOutcome(db, actors.member, outcomeId, { reason: 'done' }))).toBe('FORBIDDEN');
		// Not delivered while a milestone is unfinished (it then read 100 % above a 50 % milestone).
		await expect(deliverOutcome(db, actors.executor, outcomeId, { reason: 'Opened early' })).rejects.toMatchObject({
			code: 'CONFLICT',
			fields: { form: 'milestones_open' }
		});
		expect((await outcomeDetail(db, actors.member, outcomeId)).status).toBe('AT_RISK');
		await setMilestoneProgress(db, actors.executor, outcomeId, { milestoneId: fit.id, progress: 100 });
		await deliverOutcome(db, actors.executor, outcomeId, { reason: 'Opened on 1 March' });
		outcome = await outcomeDetail(db, actors.member, outcomeId);
		expect(outcome).toMatchObject({ status: 'DELIVERED', progress: 100, rights: { canRun: false, canDeliver: false } });
		expect(await code(addMilestone(db, actors.executor, outcomeId, { title: 'Late', dueDate: '2027-04-01' }))).toBe('CONFLICT');

		const detail = await proposalDetail(db, actors.member, id);
		expect(detail.state).toBe('DELIVERED');
		expect(detail.timeline.map((e) => e.kind)).toEqual([
			'CREATED',
			'STATE',
			'STATE',
			'REVIEWED',
			'REVIEWED',
			'REVIEWED',
			'REVIEWED',
			'STATE',
			'DECIDED',
			'STATE',
			'OUTCOME',
			'STATE',
			'OUTCOME'
		]);
		expect(detail.timeline.every((e) => e.by !== null)).toBe(true);
	});

	it('shows delivered outcomes publicly only when the group publishes, and never contact data', async () => {
		expect(await code(publicOutcomes(db, groupId))).toBe('NOT_FOUND');
		expect(await code(setProposalSettings(db, actors.member, groupId, { majorityRule: 'SIMPLE', publishOutcomes: true }))).toBe(
			'FORBIDDEN'
		);
		await setProposalSettings(db, actors.moderator, groupId, { majorityRule: 'SIMPLE', publishOutcomes: true });
		const published = await publicOutcomes(db, groupId);
		expect(published.outcomes).toHaveLength(1);
		const text = JSON.stringify(published);
		const people = await db.person.findMany({ select: { name: true, email: true, phone: true } });
		for (const p of people) {
			for (const value of [p.email, p.phone, p.name]) if (value) expect(text).not.toContain(value);
		}
		expect(published.outcomes[0]).toMatchObject({ kind: 'SERVICE', progress: 100, description: 'A shop run by the district centre.' });
	});

	it('lists outcomes organisation-wide for readers of each group, filterable', async () => {
		const all = await outcomesOverview(db, actors.admin, {});
		expect(all.items).toHaveLength(1);
		expect((await outcomesOverview(db, actors.admin, { kind: 'PRODUCT' })).items).toHaveLength(0);
		expect((await outcomesOverview(db, actors.admin, { groupId: otherGroupId })).items).toHaveLength(0);
		const district = (await db.group.findUniqueOrThrow({ where: { id: groupId } })).districtId!;
		expect((await outcomesOverview(db, actors.admin, { districtId: district })).items).toHaveLength(1);
		// Someone from the other group sees it only because it is delivered and published.
		expect((await outcomesOverview(db, actors.outsider, {})).items).toHaveLength(1);
		await setProposalSettings(db, actors.moderator, groupId, { majorityRule: 'SIMPLE', publishOutcomes: false });
		expect((await outcomesOverview(db, actors.outsider, {})).items).toHaveLength(0);
	});

	it('withdraws with a reason, and not under an open vote', async () => {
		const { id: other } = await fileProposal(db, actors.member, groupId, { ...base, submit: true });
		expect(await code(moveProposal(db, actors.member, other, { to: 'WITHDRAWN' }))).toBe('INVALID');
		expect(await code(moveProposal(db, actors.executor, other, { to: 'WITHDRAWN', reason: 'not mine' }))).toBe('FORBIDDEN');
		await moveProposal(db, actors.member, other, { to: 'WITHDRAWN', reason: 'Found another way' });
		expect(await code(moveProposal(db, actors.member, other, { to: 'SUBMITTED' }))).toBe('CONFLICT');
		const board = await proposalBoard(db, actors.member, groupId);
		expect(board.withdrawn.map((c) => c.id)).toContain(other);
	});
});

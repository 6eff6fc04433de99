// Voting in the domain, under concurrency, against a real seeded database — SQLite, or
// PostgreSQL with TEST_DATABASE=postgres, where the row locks really race: many members at once, one member twice at once, ballots racing the closing, a second vote
// racing the first, non-members and absent members, quorum and majority.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/access';
import { DomainError } from '../../server/domain/errors';
import { closeMeeting, startMeeting } from '../../server/domain/meetings/lifecycle';
import { checkIn, markAttendance, quorum, quorumNow } from '../../server/domain/meetings/attendance';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { moveProposal } from '../../server/domain/proposals/transitions';
import { castBallot, closeVote, openVote, watchVotes } from '../../server/domain/proposals/voting';
import { votingState } from '../../server/domain/proposals/voting-state';
import { actorFor, nextMeeting, seededDatabase } from '../support/meeting-fixture';
import type { BallotChoice } from '../../shared/proposals';
import { startServer } from '../support/server';
import { openTestDb } from '../support/db';

/** A seeded database: a SQLite file, or on PostgreSQL the one a real server seeds. */
async function seeded(): Promise<Awaited<ReturnType<typeof seededDatabase>>> {
	if (process.env.TEST_DATABASE !== 'postgres') return seededDatabase();
	const server = await startServer();
	const database = await openTestDb(server);
	return {
		database,
		async dispose() {
			await database.close();
			await server.dispose();
		}
	};
}

let fixture: Awaited<ReturnType<typeof seededDatabase>>;
let db: Db;
let groupId: string;
let meetingId: string;
const actors: Record<string, Actor> = {};
/** Extra members seated on every side, as actors (their own accounts are not needed). */
const crowd: Actor[] = [];

const code = async (p: Promise<unknown>): Promise<string | null> => {
	try {
		await p;
		return null;
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
};

async function inReview(title: string): Promise<string> {
	const { id } = await fileProposal(db, actors.member, groupId, { title, submit: true });
	await moveProposal(db, actors.moderator, id, { to: 'IN_REVIEW' });
	return id;
}

async function ballotsMatchTally(voteId: string) {
	const vote = await db.vote.findUniqueOrThrow({ where: { id: voteId } });
	const ballots = await db.ballot.groupBy({ by: ['choice'], where: { voteId }, _count: true });
	const count = (c: BallotChoice) => ballots.find((b) => b.choice === c)?._count ?? 0;
	expect({ yes: vote.yes, no: vote.no, abstain: vote.abstain }).toEqual({ yes: count('YES'), no: count('NO'), abstain: count('ABSTAIN') });
	return vote;
}

beforeAll(async () => {
	fixture = await seeded();
	db = fixture.database.db;
	groupId = (await db.group.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
	for (const who of ['moderator', 'member', 'observer', 'executor', 'admin']) actors[who] = await actorFor(db, who);
	const org = actors.admin.organisationId;
	const sides = ['ENTREPRENEUR', 'EXPERT', 'AGENCY', 'LEGAL', 'MEDIA', 'EXECUTOR'] as const;
	for (let i = 0; i < 36; i++) {
		const person = await db.person.create({ data: { organisationId: org, name: `Voter ${i}` } });
		await db.membership.create({ data: { groupId, personId: person.id, side: sides[i % 6], role: 'MEMBER' } });
		crowd.push({ userId: `u-voter-${i}`, organisationId: org, personId: person.id, isAdmin: false });
	}
	const outsider = await db.membership.findFirstOrThrow({ where: { group: { NOT: { id: groupId } }, role: 'MEMBER' } });
	actors.outsider = { userId: 'u-outsider', organisationId: org, personId: outsider.personId, isAdmin: false };
	actors.stranger = { userId: 'u-stranger', organisationId: org, personId: null, isAdmin: false };
	meetingId = (await nextMeeting(db)).id;
});
afterAll(async () => fixture?.dispose());

describe('opening a vote', () => {
	it('needs a live meeting, a moderator and a proposal in review', async () => {
		const proposalId = await inReview('Before the meeting starts');
		expect(await code(openVote(db, actors.moderator, { meetingId, proposalId }))).toBe('CONFLICT');
		await startMeeting(db, actors.moderator, { meetingId });
		expect(await code(openVote(db, actors.member, { meetingId, proposalId }))).toBe('FORBIDDEN');
		expect(await code(openVote(db, actors.stranger, { meetingId, proposalId }))).toBe('NOT_FOUND');
		const draft = await fileProposal(db, actors.member, groupId, { title: 'Still a draft' });
		expect(await code(openVote(db, actors.moderator, { meetingId, proposalId: draft.id }))).toBe('CONFLICT');

		// Two moderators' clicks at once: one vote opens, the other is refused by the constraint.
		const other = await inReview('A second proposal');
		const [a, b] = await Promise.allSettled([
			openVote(db, actors.moderator, { meetingId, proposalId }),
			openVote(db, actors.admin, { meetingId, proposalId: other })
		]);
		expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
		const refused = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect((refused.reason as DomainError).code).toBe('CONFLICT');
		const open = (await votingState(db, meetingId)).open!;
		await closeVote(db, actors.moderator, { meetingId, voteId: open.voteId });
	});
});

describe('casting ballots', () => {
	let proposalId: string;
	let voteId: string;

	it('counts every present member once when all vote at the same moment', async () => {
		await Promise.all([actors.member, actors.executor, ...crowd].map((a) => checkIn(db, a, { meetingId })));
		proposalId = await inReview('Shop in district 4');
		voteId = (await openVote(db, actors.moderator, { meetingId, proposalId })).voteId;

		const choices: BallotChoice[] = crowd.map((_, i) => (i % 3 === 0 ? 'NO' : i % 5 === 0 ? 'ABSTAIN' : 'YES'));
		const results = await Promise.allSettled(crowd.map((a, i) => castBallot(db, a, { meetingId, voteId, choice: choices[i] })));
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const vote = await ballotsMatchTally(voteId);
		expect(vote.yes + vote.no + vote.abstain).toBe(crowd.length);
		expect(vote.no).toBe(choices.filter((c) => c === 'NO').length);
	});

	it('takes one ballot from a member who votes twice at once, and refuses a later one', async () => {
		const twice = await Promise.allSettled([
			castBallot(db, actors.member, { meetingId, voteId, choice: 'YES' }),
			castBallot(db, actors.member, { meetingId, voteId, choice: 'NO' }),
			castBallot(db, actors.member, { meetingId, voteId, choice: 'ABSTAIN' })
		]);
		expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of twice.filter((r) => r.status === 'rejected'))
			expect(((r as PromiseRejectedResult).reason as DomainError).code).toBe('CONFLICT');
		expect(await code(castBallot(db, actors.member, { meetingId, voteId, choice: 'NO' }))).toBe('CONFLICT');
		expect(await db.ballot.count({ where: { voteId, personId: actors.member.personId! } })).toBe(1);
		await ballotsMatchTally(voteId);
		expect((await watchVotes(db, actors.member, meetingId)).viewer.myBallot).not.toBeNull();
	});

	it('refuses non-members, observers, administrators without a seat, and members not checked in', async () => {
		expect(await code(castBallot(db, actors.stranger, { meetingId, voteId, choice: 'YES' }))).toBe('NOT_FOUND');
		expect(await code(castBallot(db, actors.outsider, { meetingId, voteId, choice: 'YES' }))).toBe('NOT_FOUND');
		expect(await code(castBallot(db, actors.observer, { meetingId, voteId, choice: 'YES' }))).toBe('FORBIDDEN');
		expect(await code(castBallot(db, actors.admin, { meetingId, voteId, choice: 'YES' }))).toBe('FORBIDDEN');
		// The moderator is seated but has not checked in.
		expect(await code(castBallot(db, actors.moderator, { meetingId, voteId, choice: 'YES' }))).toBe('FORBIDDEN');
		expect(await code(castBallot(db, actors.member, { meetingId, voteId: 'no-such-vote', choice: 'YES' }))).toBe('CONFLICT');
		await ballotsMatchTally(voteId);
	});

	it('closes with the result under quorum and majority, and records the decision on the meeting', async () => {
		expect(await code(closeVote(db, actors.member, { meetingId, voteId }))).toBe('FORBIDDEN');
		const { result } = await closeVote(db, actors.moderator, { meetingId, voteId });
		const vote = await db.vote.findUniqueOrThrow({ where: { id: voteId } });
		expect(vote.quorumMet).toBe(true);
		expect(result).toBe(vote.yes > vote.no ? 'PASSED' : 'FAILED');
		const decision = await db.decision.findUniqueOrThrow({ where: { voteId } });
		expect(decision).toMatchObject({ meetingId, proposalId, method: 'VOTE', outcome: result === 'PASSED' ? 'APPROVED' : 'REJECTED' });
		const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
		expect(proposal.state).toBe(decision.outcome);
		const state = await votingState(db, meetingId);
		expect(state.open).toBeNull();
		expect(state.decisions.some((d) => d.proposalId === proposalId)).toBe(true);
		expect(await code(castBallot(db, actors.executor, { meetingId, voteId, choice: 'NO' }))).toBe('CONFLICT');
	});

	it('answers each ballot of a crowd arriving together on its own: refusals among them change nothing else', async () => {
		const pid = await inReview('Voted all at once');
		const vid = (await openVote(db, actors.moderator, { meetingId, proposalId: pid })).voteId;
		try {
			// At once: twelve members, the first of them twice, and the seated moderator who never checked in.
			const settled = await Promise.allSettled([
				...crowd.slice(0, 12).map((a, i) => castBallot(db, a, { meetingId, voteId: vid, choice: i < 8 ? 'YES' : 'NO' })),
				castBallot(db, crowd[0], { meetingId, voteId: vid, choice: 'NO' }),
				castBallot(db, actors.moderator, { meetingId, voteId: vid, choice: 'YES' })
			]);
			const reason = (r: PromiseSettledResult<unknown>) => ((r as PromiseRejectedResult).reason as DomainError).code;
			expect(settled.slice(1, 12).map((r) => r.status)).toEqual(Array(11).fill('fulfilled'));
			// The member who voted twice: one ballot counted (whichever came first), the other refused.
			const twice = [settled[0], settled[12]];
			expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
			expect(reason(twice.find((r) => r.status === 'rejected')!)).toBe('CONFLICT');
			expect(reason(settled[13])).toBe('FORBIDDEN');
			const vote = await ballotsMatchTally(vid);
			const first = settled[0].status === 'fulfilled' ? 'YES' : 'NO';
			expect({ yes: vote.yes, no: vote.no }).toEqual(first === 'YES' ? { yes: 8, no: 4 } : { yes: 7, no: 5 });
			const kept = await db.ballot.findUniqueOrThrow({ where: { voteId_personId: { voteId: vid, personId: crowd[0].personId! } } });
			expect(kept.choice).toBe(first);
		} finally {
			await closeVote(db, actors.moderator, { meetingId, voteId: vid });
		}
	});

	it('counts exactly the ballots that beat the closing, and none after it', async () => {
		const pid = await inReview('Race the close');
		const race = (await openVote(db, actors.moderator, { meetingId, proposalId: pid })).voteId;
		const casts = crowd.map((a) => castBallot(db, a, { meetingId, voteId: race, choice: 'YES' }));
		const closing = closeVote(db, actors.moderator, { meetingId, voteId: race });
		const settled = await Promise.allSettled(casts);
		const { result } = await closing;
		const accepted = settled.filter((r) => r.status === 'fulfilled').length;
		for (const r of settled.filter((r) => r.status === 'rejected'))
			expect(((r as PromiseRejectedResult).reason as DomainError).code).toBe('CONFLICT');
		const vote = await ballotsMatchTally(race);
		expect(vote.yes).toBe(accepted);
		expect(vote.status).toBe('CLOSED');
		expect(['PASSED', 'FAILED']).toContain(result);
		expect(await code(castBallot(db, actors.executor, { meetingId, voteId: race, choice: 'NO' }))).toBe('CONFLICT');
		expect(await code(closeVote(db, actors.moderator, { meetingId, voteId: race }))).toBe('CONFLICT');
	});

	it('decides nothing without a quorum: the proposal stays in review', async () => {
		await Promise.all(crowd.map((a) => checkIn(db, a, { meetingId, present: false })));
		const pid = await inReview('Too few present');
		const vid = (await openVote(db, actors.moderator, { meetingId, proposalId: pid })).voteId;
		await castBallot(db, actors.executor, { meetingId, voteId: vid, choice: 'YES' });
		expect(await closeVote(db, actors.moderator, { meetingId, voteId: vid })).toMatchObject({ result: 'NO_QUORUM' });
		expect((await db.proposal.findUniqueOrThrow({ where: { id: pid } })).state).toBe('IN_REVIEW');
		expect(await db.decision.count({ where: { voteId: vid } })).toBe(0);
	});

	it('counts the quorum in the database as the rule counts it from the lists, observers apart', async () => {
		await Promise.all(crowd.slice(0, 13).map((a) => checkIn(db, a, { meetingId })));
		await markAttendance(db, actors.moderator, { meetingId, personId: actors.observer.personId!, present: true });
		const [roster, attendance] = await Promise.all([
			db.membership.findMany({ where: { groupId }, select: { personId: true, side: true, role: true } }),
			db.attendance.findMany({ where: { meetingId }, select: { personId: true } })
		]);
		const rule = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { quorumPercent: true, quorumSides: true } });
		const fromLists = quorum(roster, new Set(attendance.map((a) => a.personId)), rule);
		const { state } = await quorumNow(db, meetingId, groupId);
		expect(state).toEqual(fromLists);
		// The observer is in the room, and not in the quorum.
		expect(attendance.length).toBeGreaterThan(state.present);
		expect(state.present).toBe(roster.filter((r) => r.role !== 'OBSERVER' && attendance.some((a) => a.personId === r.personId)).length);
		expect((await votingState(db, meetingId)).closed[0].quorum.eligible).toBe(state.eligible);
		await markAttendance(db, actors.moderator, { meetingId, personId: actors.observer.personId!, present: false });
	});

	it('applies the group majority rule as it was when the vote opened', async () => {
		await Promise.all(crowd.map((a) => checkIn(db, a, { meetingId })));
		await db.group.update({ where: { id: groupId }, data: { majorityRule: 'TWO_THIRDS' } });
		const pid = await inReview('Needs two thirds');
		const vid = (await openVote(db, actors.moderator, { meetingId, proposalId: pid })).voteId;
		await db.group.update({ where: { id: groupId }, data: { majorityRule: 'SIMPLE' } });
		// 20 yes, 12 no: a simple majority, but short of two thirds.
		await Promise.all(crowd.slice(0, 32).map((a, i) => castBallot(db, a, { meetingId, voteId: vid, choice: i < 20 ? 'YES' : 'NO' })));
		expect(await closeVote(db, actors.moderator, { meetingId, voteId: vid })).toMatchObject({ result: 'FAILED' });
		expect((await db.proposal.findUniqueOrThrow({ where: { id: pid } })).state).toBe('REJECTED');
	});

	it('stops a vote left open when the meeting closes: no more ballots, and it decides nothing', async () => {
		const pid = await inReview('Left open at the end');
		const vid = (await openVote(db, actors.moderator, { meetingId, proposalId: pid })).voteId;
		await castBallot(db, crowd[0], { meetingId, voteId: vid, choice: 'YES' });
		await closeMeeting(db, actors.moderator, { meetingId });
		expect(await code(castBallot(db, crowd[1], { meetingId, voteId: vid, choice: 'YES' }))).toBe('CONFLICT');
		// The stale vote does not hold the proposal: it can be withdrawn…
		await moveProposal(db, actors.member, pid, { to: 'WITHDRAWN', reason: 'Not needed after all' });
		// …and closing the vote records the count without a decision.
		expect(await closeVote(db, actors.moderator, { meetingId, voteId: vid })).toMatchObject({ result: 'PASSED' });
		expect(await db.decision.count({ where: { voteId: vid } })).toBe(0);
		expect((await db.proposal.findUniqueOrThrow({ where: { id: pid } })).state).toBe('WITHDRAWN');
	});
});

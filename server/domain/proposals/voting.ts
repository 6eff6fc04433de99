// Voting on a proposal in a live meeting. The moderator opens and closes; every present
// member (seated, not an observer, checked in) casts one ballot: yes, no or abstain.
//
// Concurrency: a ballot first increments the tally on the vote row *only while the vote is
// open* — that write takes the row's lock, so ballots and the closing run one after
// another — then inserts the ballot, whose unique (vote, person) key refuses a second
// ballot even when two arrive at the same instant (the increment rolls back with it).
// Closing flips the status under the same lock, so no ballot lands after the count. The
// ballots that arrive together are counted in one transaction (ballotBox). One open vote
// per meeting is a unique key too (Vote.openMeetingId).
import type { Db } from '../../db/client';
import { BallotPayload, VoteClosePayload, VoteOpenPayload, type VoteViewer, type VotingState } from '../../../shared/vote-events';
import type { BallotChoice, VoteResult } from '../../../shared/proposals';
import type { Side } from '../../../shared/sides';
import { isUniqueViolation } from '../../db/bulk-insert';
import type { Actor } from '../access';
import { votesChanged, type VotesChanged } from '../changes';
import { DomainError } from '../errors';
import { quorumNow } from '../meetings/attendance';
import { meetingAccess, requireModerator, requireParticipant } from '../meetings/meeting-access';
import { parse } from '../validation';
import { applyDecision, requireDecidable } from './decisions';
import { recordEvent, type Tx } from './timeline';
import { decisionFor, voteResult } from './voting-rules';
import { votingState } from './voting-state';

const TALLY = { YES: 'yes', NO: 'no', ABSTAIN: 'abstain' } as const;

/** The moderator opens a vote on a proposal in review. */
export async function openVote(db: Db, actor: Actor, input: VoteOpenPayload, now = new Date()): Promise<VotesChanged & { voteId: string }> {
	const d = parse(VoteOpenPayload, input);
	const { groupId } = await requireModerator(db, actor, d.meetingId);
	try {
		return await db.$transaction(async (tx) => {
			await requireDecidable(tx, d.meetingId, groupId, d.proposalId);
			const { majorityRule } = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: { majorityRule: true } });
			const vote = await tx.vote.create({
				data: {
					proposalId: d.proposalId,
					meetingId: d.meetingId,
					openMeetingId: d.meetingId,
					majorityRule,
					openedById: actor.userId,
					openedAt: now
				},
				select: { id: true }
			});
			await recordEvent(tx, {
				proposalId: d.proposalId,
				kind: 'VOTE_OPENED',
				byUserId: actor.userId,
				detail: vote.id,
				meetingId: d.meetingId,
				at: now
			});
			return { ...votesChanged(d.meetingId), voteId: vote.id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'vote_open', { form: 'vote_open' });
		throw e;
	}
}

/** A present member casts their one ballot. */
export async function castBallot(
	db: Db,
	actor: Actor,
	input: BallotPayload,
	now = new Date()
): Promise<VotesChanged & { choice: BallotChoice }> {
	const d = parse(BallotPayload, input);
	// Strangers: NOT_FOUND; observers and unseated administrators: FORBIDDEN.
	const { personId, side } = await requireParticipant(db, actor, d.meetingId);
	await ballotBox(db)({ ...d, personId, side, castAt: now });
	return { ...votesChanged(d.meetingId), choice: d.choice };
}

interface Ballot extends BallotPayload {
	personId: string;
	side: Side;
	castAt: Date;
}

/** Counts one ballot inside a transaction, or says why not (nothing written then). */
async function count(tx: Tx, b: Ballot): Promise<void> {
	if (await tx.ballot.findUnique({ where: { voteId_personId: { voteId: b.voteId, personId: b.personId } }, select: { id: true } }))
		throw new DomainError('CONFLICT', 'already_voted', { form: 'already_voted' });
	// One statement counts the ballot and checks that it may be cast: the vote is open, the
	// meeting live, the member checked in. Only a refusal reads more, to say why.
	const counted = await tx.vote.updateMany({
		where: {
			id: b.voteId,
			meetingId: b.meetingId,
			status: 'OPEN',
			meeting: { status: 'LIVE', attendance: { some: { personId: b.personId } } }
		},
		data: { [TALLY[b.choice]]: { increment: 1 } }
	});
	if (counted.count !== 1) throw await ballotRefusal(tx, b.voteId, b.meetingId);
	await tx.ballot.create({ data: { voteId: b.voteId, personId: b.personId, side: b.side, choice: b.choice, castAt: b.castAt } });
}

/** One ballot in a transaction of its own. The unique (vote, person) key refuses a second
 * ballot that raced the first, even from another node. */
async function countAlone(db: Db, b: Ballot): Promise<void> {
	try {
		await db.$transaction((tx) => count(tx, b));
	} catch (e) {
		if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'already_voted', { form: 'already_voted' });
		throw e;
	}
}

interface Queued {
	ballot: Ballot;
	resolve(): void;
	reject(error: unknown): void;
}

const boxes = new WeakMap<Db, (ballot: Ballot) => Promise<void>>();

/** Ballots that arrive in the same turn of the event loop are counted in one transaction:
 * 500 members voting within two seconds were 500 commits, each waiting for the disk (on
 * SQLite, on the thread that serves the room). Each ballot still gets its own answer; one
 * that is refused writes nothing. If the batch itself fails (another node inserted the same
 * member's ballot meanwhile, on PostgreSQL), every ballot of it is counted alone. */
function ballotBox(db: Db): (ballot: Ballot) => Promise<void> {
	let box = boxes.get(db);
	if (box) return box;
	let queued: Queued[] = [];
	const flush = async () => {
		const batch = queued;
		queued = [];
		if (batch.length === 1) return countAlone(db, batch[0].ballot).then(batch[0].resolve, batch[0].reject);
		let refusals: Map<Queued, DomainError>;
		try {
			refusals = await db.$transaction((tx) => countTogether(tx, batch));
		} catch {
			for (const q of batch) countAlone(db, q.ballot).then(q.resolve, q.reject);
			return;
		}
		for (const q of batch) {
			const refusal = refusals.get(q);
			if (refusal) q.reject(refusal);
			else q.resolve();
		}
	};
	box = (ballot) =>
		new Promise<void>((resolve, reject) => {
			if (queued.length === 0) setImmediate(() => void flush());
			queued.push({ ballot, resolve, reject });
		});
	boxes.set(db, box);
	return box;
}

/** Counts ballots that arrived together in a few statements per vote, however many there
 * are: who of them already voted and who is checked in are read once; the tally grows by
 * each choice's count in one statement that holds only while the vote is open and the
 * meeting live (taking the row's lock, as one ballot does); the ballots go in as one insert,
 * whose unique key fails the whole batch if another node counted one of them meanwhile
 * (the caller then counts each alone). Returns why each refused ballot was not counted. */
async function countTogether(tx: Tx, batch: Queued[]): Promise<Map<Queued, DomainError>> {
	const refusals = new Map<Queued, DomainError>();
	const byVote = new Map<string, Queued[]>();
	for (const q of batch) {
		const key = `${q.ballot.voteId} ${q.ballot.meetingId}`;
		const group = byVote.get(key);
		if (group) group.push(q);
		else byVote.set(key, [q]);
	}
	for (const group of byVote.values()) {
		const { voteId, meetingId } = group[0].ballot;
		const persons = group.map((q) => q.ballot.personId);
		const voted = new Set(
			(await tx.ballot.findMany({ where: { voteId, personId: { in: persons } }, select: { personId: true } })).map((b) => b.personId)
		);
		const present = new Set(
			(await tx.attendance.findMany({ where: { meetingId, personId: { in: persons } }, select: { personId: true } })).map((a) => a.personId)
		);
		const counted: Queued[] = [];
		const absent: Queued[] = [];
		for (const q of group) {
			const { personId } = q.ballot;
			if (voted.has(personId)) refusals.set(q, new DomainError('CONFLICT', 'already_voted', { form: 'already_voted' }));
			else if (!present.has(personId)) absent.push(q);
			else {
				voted.add(personId);
				counted.push(q);
			}
		}
		const tally = { yes: 0, no: 0, abstain: 0 };
		for (const q of counted) tally[TALLY[q.ballot.choice]]++;
		const open =
			counted.length > 0 &&
			(
				await tx.vote.updateMany({
					where: { id: voteId, meetingId, status: 'OPEN', meeting: { status: 'LIVE' } },
					data: { yes: { increment: tally.yes }, no: { increment: tally.no }, abstain: { increment: tally.abstain } }
				})
			).count === 1;
		if (open) {
			await tx.ballot.createMany({
				data: counted.map(({ ballot: b }) => ({ voteId, personId: b.personId, side: b.side, choice: b.choice, castAt: b.castAt }))
			});
			for (const q of absent) refusals.set(q, new DomainError('FORBIDDEN', 'not_present', { form: 'not_present' }));
		} else {
			const refusal = await ballotRefusal(tx, voteId, meetingId);
			for (const q of [...counted, ...absent]) refusals.set(q, refusal);
		}
	}
	return refusals;
}

/** Why a ballot was not counted, in the order the checks matter to the voter. */
async function ballotRefusal(tx: Tx, voteId: string, meetingId: string): Promise<DomainError> {
	const vote = await tx.vote.findFirst({ where: { id: voteId, meetingId }, select: { status: true } });
	if (vote?.status !== 'OPEN') return new DomainError('CONFLICT', 'vote_closed', { form: 'vote_closed' });
	const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
	if (meeting?.status !== 'LIVE') return new DomainError('CONFLICT', 'not_live', { form: 'not_live' });
	return new DomainError('FORBIDDEN', 'not_present', { form: 'not_present' });
}

/** The moderator closes the vote: the result follows from the tally, the quorum at this
 * moment and the group's rule; a result that decides becomes the meeting's decision. */
export async function closeVote(
	db: Db,
	actor: Actor,
	input: VoteClosePayload,
	now = new Date()
): Promise<VotesChanged & { result: VoteResult }> {
	const d = parse(VoteClosePayload, input);
	const { groupId } = await requireModerator(db, actor, d.meetingId);
	return db.$transaction(async (tx) => {
		const closed = await tx.vote.updateMany({
			where: { id: d.voteId, meetingId: d.meetingId, status: 'OPEN' },
			data: { status: 'CLOSED', openMeetingId: null, closedAt: now, closedById: actor.userId }
		});
		if (closed.count !== 1) throw new DomainError('CONFLICT', 'vote_closed', { form: 'vote_closed' });
		const vote = await tx.vote.findUniqueOrThrow({
			where: { id: d.voteId },
			include: { proposal: { select: { state: true } }, meeting: { select: { status: true } } }
		});
		const { state: q } = await quorumNow(tx, d.meetingId, groupId);
		const result = voteResult(vote, q, vote.majorityRule);
		await tx.vote.update({ where: { id: vote.id }, data: { present: q.present, quorumMet: q.met, result } });
		const tally = `${vote.yes}/${vote.no}/${vote.abstain}`;
		await recordEvent(tx, {
			proposalId: vote.proposalId,
			kind: 'VOTE_CLOSED',
			byUserId: actor.userId,
			detail: `${result}|${tally}|${q.present}`,
			meetingId: d.meetingId,
			at: now
		});
		const outcome = decisionFor(result);
		// Decisions are taken in a live meeting: a vote left open when the meeting closed is
		// counted for the record, and the proposal stays in review for another meeting.
		if (outcome && vote.proposal.state === 'IN_REVIEW' && vote.meeting.status === 'LIVE') {
			await applyDecision(
				tx,
				{
					meetingId: d.meetingId,
					proposalId: vote.proposalId,
					method: 'VOTE',
					outcome,
					voteId: vote.id,
					text: tally,
					byUserId: actor.userId
				},
				now
			);
		}
		return { ...votesChanged(d.meetingId), result };
	});
}

/** Joining the meeting's votes: the state, and what this viewer may do. NOT_FOUND for strangers. */
export async function watchVotes(db: Db, actor: Actor, meetingId: string): Promise<{ state: VotingState; viewer: VoteViewer }> {
	const { access } = await meetingAccess(db, actor, meetingId);
	const state = await votingState(db, meetingId);
	const personId = actor.personId;
	const [mine, present] = personId
		? await Promise.all([
				state.open
					? db.ballot.findUnique({ where: { voteId_personId: { voteId: state.open.voteId, personId } }, select: { choice: true } })
					: null,
				db.attendance.count({ where: { meetingId, personId } })
			])
		: [null, 0];
	return {
		state,
		viewer: {
			personId: actor.personId,
			canModerate: access.canModerate,
			canVote: access.canEdit && access.side !== null && actor.personId !== null,
			present: present > 0,
			myBallot: mine?.choice ?? null
		}
	};
}

// A live vote through Socket.IO with several real clients against the real server: everyone
// sees the count as it grows and the result at once, a reconnecting member gets the current
// state with their own ballot, and observers, strangers and bad payloads are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { connectSocket, eventually, signIn, type TestSocket } from '../support/clients';
import { createStranger, openTestDb } from '../support/db';
import { actorFor, nextMeeting } from '../support/meeting-fixture';
import type { Database } from '../../server/db/client';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { moveProposal } from '../../server/domain/proposals/transitions';
import type { VotingState } from '../../shared/vote-events';

let server: TestServer;
let database: Database;
let meetingId: string;
let groupId: string;
const proposals: string[] = [];
const cookies: Record<string, string> = {};
const sockets: TestSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	database = await openTestDb(server);
	const db = database.db;
	({ id: meetingId, groupId } = await nextMeeting(db));
	const member = await actorFor(db, 'member');
	const moderator = await actorFor(db, 'moderator');
	for (const title of ['Neighbourhood shop', 'Weekend market']) {
		const { id } = await fileProposal(db, member, groupId, { title, submit: true });
		await moveProposal(db, moderator, id, { to: 'IN_REVIEW' });
		proposals.push(id);
	}
	const stranger = await createStranger(database);
	for (const who of ['moderator', 'member', 'executor', 'observer'])
		cookies[who] = await signIn(server.url, `${who}@rahkar.example`, DEMO_PASSWORD);
	cookies.stranger = await signIn(server.url, stranger.email, stranger.password);
});

afterAll(async () => {
	for (const s of sockets) s.close();
	await database?.close();
	await server?.dispose();
});

/** A client that keeps the newest vote state it was sent, as the browser does. */
async function client(who: string) {
	const socket = await connectSocket(server.url, cookies[who]);
	sockets.push(socket);
	const seen: { state: VotingState | null } = { state: null };
	socket.on('vote:state', (s) => {
		if (!seen.state || s.version >= seen.state.version) seen.state = s;
	});
	return { socket, seen };
}

describe('a live vote with several clients', () => {
	it('runs from opening to the decision, live for everyone', async () => {
		const mod = await client('moderator');
		const member = await client('member');
		const executor = await client('executor');
		const observer = await client('observer');

		// The moderator and members are in the meeting's room; the observer only watches the votes.
		for (const c of [mod, member, executor]) expect(await c.socket.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
		const watched = await observer.socket.emitWithAck('vote:watch', { meetingId });
		expect(watched).toMatchObject({ ok: true, state: { live: false, open: null }, viewer: { canVote: false, canModerate: false } });

		// Not before the meeting is live.
		expect(await mod.socket.emitWithAck('vote:open', { meetingId, proposalId: proposals[0] })).toMatchObject({
			ok: false,
			code: 'CONFLICT'
		});
		expect(await mod.socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });
		// The observer watches only the votes (the votes page) and learns at once that votes
		// may now be held, with no vote change to carry it.
		await eventually(() => observer.seen.state?.live === true, 5000, 'the votes watcher sees the meeting live');
		for (const c of [mod, member, executor])
			expect(await c.socket.emitWithAck('meeting:checkin', { meetingId })).toMatchObject({ ok: true });
		// The moderator marks enough of the others present for the quorum (6 of 11, 4 sides).
		const others = await database.db.membership.findMany({
			where: { groupId, role: 'MEMBER', side: { in: ['EXPERT', 'AGENCY', 'LEGAL'] } }
		});
		for (const seat of others)
			expect(await mod.socket.emitWithAck('meeting:attendance', { meetingId, personId: seat.personId, present: true })).toMatchObject({
				ok: true
			});

		expect(await member.socket.emitWithAck('vote:open', { meetingId, proposalId: proposals[0] })).toMatchObject({
			ok: false,
			code: 'FORBIDDEN'
		});
		const opened = await mod.socket.emitWithAck('vote:open', { meetingId, proposalId: proposals[0] });
		if (!opened.ok) throw new Error(opened.code);
		const { voteId } = opened;
		for (const c of [mod, member, executor, observer]) {
			await eventually(() => c.seen.state?.open?.voteId === voteId, 5000, 'the open vote');
			expect(c.seen.state!.open).toMatchObject({ proposalTitle: 'Neighbourhood shop', status: 'OPEN', quorum: { met: true } });
		}

		// Members vote at the same moment; observers may not.
		const [a, b, c] = await Promise.all([
			member.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' }),
			executor.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'NO' }),
			mod.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' })
		]);
		expect([a, b, c]).toEqual([
			{ ok: true, choice: 'YES' },
			{ ok: true, choice: 'NO' },
			{ ok: true, choice: 'YES' }
		]);
		expect(await observer.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' })).toMatchObject({
			ok: false,
			code: 'FORBIDDEN'
		});
		expect(await member.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'NO' })).toMatchObject({
			ok: false,
			code: 'CONFLICT'
		});
		for (const x of [mod, member, executor, observer]) {
			await eventually(() => x.seen.state?.open?.tally.yes === 2 && x.seen.state?.open?.tally.no === 1, 5000, 'the live count');
			expect(x.seen.state!.open!.tally.abstain).toBe(0);
		}

		// A member who drops and comes back sees the vote as it stands, with their own ballot.
		member.socket.close();
		const back = await client('member');
		const rejoined = await back.socket.emitWithAck('vote:watch', { meetingId });
		expect(rejoined).toMatchObject({
			ok: true,
			state: { open: { voteId, tally: { yes: 2, no: 1, abstain: 0 } } },
			viewer: { myBallot: 'YES', canVote: true }
		});

		const closed = await mod.socket.emitWithAck('vote:close', { meetingId, voteId });
		expect(closed).toEqual({ ok: true, result: 'PASSED' });
		for (const x of [mod, back, executor, observer]) {
			await eventually(() => x.seen.state?.open === null && (x.seen.state?.decisions.length ?? 0) === 1, 5000, 'the result');
			expect(x.seen.state!.closed[0]).toMatchObject({ voteId, result: 'PASSED', status: 'CLOSED' });
			expect(x.seen.state!.decisions[0]).toMatchObject({ proposalId: proposals[0], method: 'VOTE', outcome: 'APPROVED' });
			expect(x.seen.state!.candidates.map((p) => p.id)).toEqual([proposals[1]]);
		}
		expect(await executor.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' })).toMatchObject({
			ok: false,
			code: 'CONFLICT'
		});
		expect((await database.db.proposal.findUniqueOrThrow({ where: { id: proposals[0] } })).state).toBe('APPROVED');

		// A decision by consensus reaches everyone the same way.
		const agreed = await mod.socket.emitWithAck('vote:consensus', {
			meetingId,
			proposalId: proposals[1],
			outcome: 'SENT_BACK',
			text: 'Needs a budget'
		});
		expect(agreed).toMatchObject({ ok: true });
		await eventually(() => observer.seen.state?.decisions.length === 2, 5000, 'the consensus decision');
		expect(observer.seen.state!.decisions[0]).toMatchObject({ method: 'CONSENSUS', outcome: 'SENT_BACK', text: 'Needs a budget' });
	});

	it('refuses strangers and malformed payloads without harming the room', async () => {
		const stranger = await client('stranger');
		expect(await stranger.socket.emitWithAck('vote:watch', { meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
		expect(await stranger.socket.emitWithAck('vote:cast', { meetingId, voteId: 'x', choice: 'YES' })).toMatchObject({
			ok: false,
			code: 'NOT_FOUND'
		});
		const mod = await client('moderator');
		// @ts-expect-error: a choice the schema does not know
		expect(await mod.socket.emitWithAck('vote:cast', { meetingId, voteId: 'x', choice: 'MAYBE' })).toMatchObject({
			ok: false,
			code: 'INVALID'
		});
		// @ts-expect-error: no payload at all
		expect(await mod.socket.emitWithAck('vote:open', null)).toMatchObject({ ok: false, code: 'INVALID' });
		expect(await mod.socket.emitWithAck('vote:watch', { meetingId })).toMatchObject({ ok: true });
	});
});

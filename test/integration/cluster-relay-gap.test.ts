// Two Rahkar nodes on PostgreSQL and Redis: a meeting change made on node A while the relay
// between the nodes has a gap (Redis stopped and started again, or only the subscribers'
// connections closed) still reaches a member's client on node B once Redis is back, on the
// same socket: the member's socket never drops, so nothing on the client would ask again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type TestServer } from '../support/server';
import { startRedis, type TestRedis } from '../support/redis';
import { connectSocket, signIn, type TestSocket } from '../support/clients';
import { openTestDb } from '../support/db';
import { actorFor, nextMeeting } from '../support/meeting-fixture';
import { followMeeting } from '../support/meeting-follower';
import type { Database } from '../../server/db/client';
import type { MeetingSnapshot } from '../../shared/meeting-state';
import type { VotingState } from '../../shared/vote-events';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { moveProposal } from '../../server/domain/proposals/transitions';
import { votingState } from '../../server/domain/proposals/voting-state';

let redis: TestRedis;
let nodeA: TestServer;
let nodeB: TestServer;
let database: Database;
const sockets: TestSocket[] = [];

beforeAll(async () => {
	redis = await startRedis();
	nodeA = await startServer({ postgres: true, env: { REDIS_URL: redis.url } });
	nodeB = await startServer({ databaseUrl: nodeA.databaseUrl, env: { REDIS_URL: redis.url } });
	database = await openTestDb(nodeA);
}, 120_000);

afterAll(async () => {
	for (const s of sockets) s.close();
	await database?.close();
	await nodeB?.dispose();
	await nodeA?.dispose();
	await redis?.stop();
});

/** A client that keeps the newest meeting and vote state it was sent, as the page does. */
async function participant(node: TestServer, who: string, meetingId: string) {
	const socket = await connectSocket(node.url, await signIn(node.url, `${who}@rahkar.example`, DEMO_PASSWORD));
	sockets.push(socket);
	const room = followMeeting(socket, meetingId);
	const seen: { readonly meeting: MeetingSnapshot | null; votes: VotingState | null; disconnects: number } = {
		get meeting() {
			return room.state;
		},
		votes: null,
		disconnects: 0
	};
	socket.on('vote:state', (s) => {
		if (s.meetingId === meetingId && (!seen.votes || s.version >= seen.votes.version)) seen.votes = s;
	});
	socket.on('disconnect', () => seen.disconnects++);
	const joined = await room.join();
	if (!joined.ok) throw new Error(joined.code);
	return { socket, seen, room };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits up to `ms` for `check`; false (not a throw) when it never held. */
async function within(ms: number, check: () => boolean | Promise<boolean>): Promise<boolean> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check()) return true;
		await sleep(25);
	}
	return check();
}

describe('a meeting change made during a gap in the relay between two nodes', () => {
	it('reaches the member on the other node once Redis is back, on the same socket, outage after outage', async () => {
		const db = database.db;
		const meeting = await nextMeeting(db);
		const meetingId = meeting.id;
		const moderatorActor = await actorFor(db, 'moderator');
		const proposals: string[] = [];
		for (let i = 0; i < 3; i++) {
			const { id } = await fileProposal(db, await actorFor(db, 'member'), meeting.groupId, { title: `Gap ${i}`, submit: true });
			await moveProposal(db, moderatorActor, id, { to: 'IN_REVIEW' });
			proposals.push(id);
		}

		const moderator = await participant(nodeA, 'moderator', meetingId);
		expect(await moderator.socket.emitWithAck('meeting:start', { meetingId })).toMatchObject({ ok: true });
		expect(await moderator.socket.emitWithAck('meeting:checkin', { meetingId })).toMatchObject({ ok: true });
		const member = await participant(nodeB, 'member', meetingId);
		const memberSocketId = member.socket.id;

		const ok = <T extends { ok: boolean }>(reply: T) => {
			expect(reply).toMatchObject({ ok: true });
			return reply as Extract<T, { ok: true }>;
		};
		let voteId = '';
		/** The moderator's changes of round `r`: the current item, the queue, and a vote step. */
		const changes = async (r: number) => {
			ok(await moderator.socket.emitWithAck('meeting:current', { meetingId, itemId: `item-${r}` }));
			ok(await moderator.socket.emitWithAck('meeting:hand', { meetingId, raised: r % 2 === 0 }));
			const proposalId = proposals[Math.floor(r / 3) % proposals.length];
			if (r % 3 === 0) voteId = ok(await moderator.socket.emitWithAck('vote:open', { meetingId, proposalId })).voteId;
			else if (r % 3 === 1) ok(await moderator.socket.emitWithAck('vote:cast', { meetingId, voteId, choice: 'YES' }));
			else ok(await moderator.socket.emitWithAck('vote:close', { meetingId, voteId }));
		};

		const rounds = 9;
		const missed: string[] = [];
		for (let r = 0; r < rounds; r++) {
			// Odd rounds: only the subscribers' connections close, again and again while the
			// changes are made (Redis stays up, so node A publishes at once, while node B is not
			// listening). Even rounds: Redis stops for 1.5 s and the changes are made meanwhile.
			const kind = r % 2 === 1 ? 'subscribers dropped' : 'Redis restarted';
			// Each gap starts from a healed cluster: both nodes subscribed again.
			expect(await within(10_000, async () => (await redis.subscribers()) >= 2)).toBe(true);
			if (kind === 'subscribers dropped') {
				expect(await redis.killSubscribers()).toBeGreaterThanOrEqual(2);
				let changing = true;
				const flapping = (async () => {
					while (changing) {
						await redis.killSubscribers();
						await sleep(10);
					}
				})();
				await changes(r);
				changing = false;
				await flapping;
			} else {
				await redis.stop();
				await changes(r);
				await sleep(1500);
				await redis.start();
			}
			const expected = {
				version: (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version,
				votes: await votingState(db, meetingId)
			};
			const arrived = await within(
				8000,
				() =>
					member.seen.meeting?.version === expected.version &&
					member.seen.meeting.currentItemId === `item-${r}` &&
					member.seen.meeting.queue.length === (r % 2 === 0 ? 1 : 0) &&
					member.seen.votes?.version === expected.votes.version
			);
			if (!arrived) missed.push(`round ${r} (${kind})`);
			// The moderator, on the node that made the change, has it too.
			expect(moderator.seen.meeting?.currentItemId).toBe(`item-${r}`);
		}
		expect(missed, `changes node B's member never received, of ${rounds} gaps`).toEqual([]);
		expect(member.seen.votes?.closed.length).toBe(Math.floor(rounds / 3));
		// Healed without any reconnect: the same socket all along.
		expect(member.socket.connected).toBe(true);
		expect(member.socket.id).toBe(memberSocketId);
		expect(member.seen.disconnects).toBe(0);
	}, 180_000);
});

// The live meeting's pure rules: timer arithmetic, queue order, time per side, quorum.
import { describe, expect, it } from 'vitest';
import { NO_TIMER, applyTimer, timerOf, timerReading, type TimerFields } from '../../server/domain/meetings/timer';
import { currentTurn, moveInQueue, queueOf, spokenBySide, type TurnRow } from '../../server/domain/meetings/queue';
import { quorum } from '../../server/domain/meetings/attendance';
import { spokenNow, timerRemainingMs } from '../../shared/meeting-state';
import type { GroupRole, Side } from '../../shared/sides';
import { DomainError } from '../../server/domain/errors';

const t0 = new Date('2026-12-01T13:30:00Z');
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);

describe('item timer', () => {
	const started = applyTimer(NO_TIMER, { action: 'start', itemId: 'item1', durationSec: 300 }, t0);

	it('counts down from the planned duration and flags an overrun', () => {
		expect(timerReading(started, at(60))).toEqual({ remainingMs: 240_000, overrun: false, running: true });
		expect(timerReading(started, at(300))?.overrun).toBe(false);
		expect(timerReading(started, at(330))).toEqual({ remainingMs: -30_000, overrun: true, running: true });
	});

	it('pauses, keeps what was left, and resumes from there', () => {
		const paused = applyTimer(started, { action: 'pause' }, at(100));
		expect(paused.timerStartedAt).toBeNull();
		expect(paused.timerRemainingSec).toBe(200);
		// Time passing while paused changes nothing.
		expect(timerReading(paused, at(5000))).toEqual({ remainingMs: 200_000, overrun: false, running: false });
		const resumed = applyTimer(paused, { action: 'resume' }, at(1000));
		expect(timerReading(resumed, at(1050))?.remainingMs).toBe(150_000);
		expect(timerReading(resumed, at(1250))?.overrun).toBe(true);
	});

	it('is read the same from the stored fields by the server and by a browser', () => {
		const resumed = applyTimer(applyTimer(started, { action: 'pause' }, at(100)), { action: 'resume' }, at(400));
		const shared = timerOf(resumed)!;
		expect(timerRemainingMs(shared, at(450).getTime())).toBe(timerReading(resumed, at(450))!.remainingMs);
		// A "restarted server" only has the database row: the same numbers come out.
		const fromDb: TimerFields = JSON.parse(JSON.stringify(resumed), (k, v) => (k === 'timerStartedAt' && v ? new Date(v) : v));
		expect(timerReading(fromDb, at(450))).toEqual(timerReading(resumed, at(450)));
	});

	it('keeps an overrun negative through a pause', () => {
		const paused = applyTimer(started, { action: 'pause' }, at(320));
		expect(paused.timerRemainingSec).toBe(-20);
		expect(timerReading(applyTimer(paused, { action: 'resume' }, at(400)), at(410))?.remainingMs).toBe(-30_000);
	});

	it('resets to the full planned time, stopped', () => {
		const reset = applyTimer(started, { action: 'reset' }, at(500));
		expect(timerReading(reset, at(900))).toEqual({ remainingMs: 300_000, overrun: false, running: false });
		expect(timerOf(reset)).toMatchObject({ itemId: 'item1', durationSec: 300, startedAt: null, remainingSec: 300 });
	});

	it('refuses actions that make no sense', () => {
		expect(() => applyTimer(NO_TIMER, { action: 'pause' }, t0)).toThrow(DomainError);
		expect(() => applyTimer(started, { action: 'resume' }, t0)).toThrow(/not paused/);
		expect(() => applyTimer(NO_TIMER, { action: 'reset' }, t0)).toThrow(/no timer/);
	});
});

let n = 0;
const turn = (side: Side, fields: Partial<TurnRow> = {}): TurnRow => ({
	id: `t${++n}`,
	personId: `p${n}`,
	side,
	position: n,
	raisedAt: at(n),
	startedAt: null,
	endedAt: null,
	removedAt: null,
	...fields
});

describe('speaker queue', () => {
	it('calls waiting hands by position, then by who raised first, and skips the rest', () => {
		const a = turn('EXPERT', { position: 2 });
		const b = turn('LEGAL', { position: 1 });
		const c = turn('MEDIA', { position: 2, raisedAt: at(-10) });
		const spoken = turn('AGENCY', { startedAt: at(1), endedAt: at(2) });
		const removed = turn('AGENCY', { removedAt: at(3) });
		const speaking = turn('EXECUTOR', { startedAt: at(5) });
		const all = [a, b, c, spoken, removed, speaking];
		expect(queueOf(all).map((t) => t.id)).toEqual([b.id, c.id, a.id]);
		expect(currentTurn(all)?.id).toBe(speaking.id);
		expect(currentTurn([a, spoken])).toBeNull();
	});

	it('moves a hand to any place, clamped to the queue', () => {
		expect(moveInQueue(['a', 'b', 'c', 'd'], 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
		expect(moveInQueue(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
		expect(moveInQueue(['a', 'b', 'c'], 'b', 99)).toEqual(['a', 'c', 'b']);
	});

	it('adds up time spoken per side, the running turn only when asked', () => {
		const turns = [
			turn('EXPERT', { startedAt: at(0), endedAt: at(90) }),
			turn('EXPERT', { startedAt: at(100), endedAt: at(130) }),
			turn('LEGAL', { startedAt: at(130), endedAt: at(175) }),
			turn('MEDIA', { startedAt: at(175) }),
			turn('AGENCY')
		];
		expect(spokenBySide(turns)).toEqual({ ENTREPRENEUR: 0, EXPERT: 120, AGENCY: 0, LEGAL: 45, MEDIA: 0, EXECUTOR: 0 });
		expect(spokenBySide(turns, at(200)).MEDIA).toBe(25);
		// The browser's version of the same sum, from a snapshot.
		const speaker = {
			turnId: 'x',
			personId: 'y',
			name: '',
			side: 'MEDIA' as Side,
			raisedAt: at(170).toISOString(),
			startedAt: at(175).toISOString()
		};
		expect(spokenNow({ spokenSec: spokenBySide(turns), speaker }, at(200).getTime()).MEDIA).toBe(25);
	});
});

describe('quorum', () => {
	const seat = (personId: string, side: Side, role: GroupRole = 'MEMBER') => ({ personId, side, role });
	const roster = [
		seat('e1', 'ENTREPRENEUR'),
		seat('e2', 'ENTREPRENEUR'),
		seat('x1', 'EXPERT', 'MODERATOR'),
		seat('a1', 'AGENCY'),
		seat('l1', 'LEGAL'),
		seat('m1', 'MEDIA', 'OBSERVER'),
		seat('m2', 'MEDIA'),
		seat('r1', 'EXECUTOR', 'EXECUTOR')
	];
	const rule = { quorumPercent: 50, quorumSides: 4 };

	it('needs the percentage of members who count (observers do not) and enough sides', () => {
		const q = quorum(roster, new Set(['e1', 'e2', 'x1', 'a1']), rule);
		expect(q).toMatchObject({ present: 4, eligible: 7, needed: 4, sidesNeeded: 4 });
		expect(q.sidesPresent).toEqual(['ENTREPRENEUR', 'EXPERT', 'AGENCY']);
		expect(q.met).toBe(false); // enough people, only three sides
		expect(quorum(roster, new Set(['e1', 'x1', 'a1', 'l1']), rule).met).toBe(true);
	});

	it('does not count an observer towards people or sides', () => {
		const q = quorum(roster, new Set(['e1', 'x1', 'a1', 'm1']), rule);
		expect(q.present).toBe(3);
		expect(q.sidesPresent).not.toContain('MEDIA');
		expect(q.met).toBe(false);
	});

	it('rounds the percentage up and is never met in an empty group', () => {
		expect(quorum(roster, new Set(), { quorumPercent: 60, quorumSides: 0 }).needed).toBe(5); // 4.2 → 5
		expect(quorum([], new Set(), { quorumPercent: 50, quorumSides: 0 }).met).toBe(false);
		expect(quorum(roster, new Set(roster.map((r) => r.personId)), { quorumPercent: 100, quorumSides: 6 }).met).toBe(true);
	});
});

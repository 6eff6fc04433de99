// The per-item timer. Nothing ticks on the server: the state is a planned duration and
// either the instant it (effectively) started or the seconds left when it was paused, so
// the remaining time is the same for every client and survives a restart.
import type { Db } from '../../db/client';
import type { TimerPayload } from '../../../shared/meeting-events';
import { timerRemainingMs, type TimerState } from '../../../shared/meeting-state';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { requireModerator } from './meeting-access';
import { mutateMeeting } from './meeting-transaction';
import type { MeetingChanged } from '../changes';

export interface TimerFields {
	timerItemId: string | null;
	timerStartedAt: Date | null;
	timerDurationSec: number | null;
	timerRemainingSec: number | null;
}

export const NO_TIMER: TimerFields = { timerItemId: null, timerStartedAt: null, timerDurationSec: null, timerRemainingSec: null };

/** The stored fields as the shared timer shape (null when there is no timer). */
export function timerOf(f: TimerFields): TimerState | null {
	if (f.timerItemId === null || f.timerDurationSec === null) return null;
	return {
		itemId: f.timerItemId,
		durationSec: f.timerDurationSec,
		startedAt: f.timerStartedAt?.toISOString() ?? null,
		remainingSec: f.timerStartedAt ? null : (f.timerRemainingSec ?? f.timerDurationSec)
	};
}

/** Remaining time and whether it has overrun, at `now`. */
export function timerReading(f: TimerFields, now: Date): { remainingMs: number; overrun: boolean; running: boolean } | null {
	const timer = timerOf(f);
	if (!timer) return null;
	const remainingMs = timerRemainingMs(timer, now.getTime());
	return { remainingMs, overrun: remainingMs < 0, running: timer.startedAt !== null };
}

type Action = { action: 'start'; itemId: string; durationSec: number } | { action: 'pause' | 'resume' | 'reset' };

/** The fields after an action; CONFLICT when the action makes no sense in this state. */
export function applyTimer(fields: TimerFields, a: Action, now: Date): TimerFields {
	// Only the timer's own fields, even when handed a whole meeting row.
	const f: TimerFields = {
		timerItemId: fields.timerItemId,
		timerStartedAt: fields.timerStartedAt,
		timerDurationSec: fields.timerDurationSec,
		timerRemainingSec: fields.timerRemainingSec
	};
	const timer = timerOf(f);
	switch (a.action) {
		case 'start':
			return { timerItemId: a.itemId, timerStartedAt: now, timerDurationSec: a.durationSec, timerRemainingSec: null };
		case 'pause': {
			if (!timer || !timer.startedAt) throw new DomainError('CONFLICT', 'the timer is not running');
			// Whole seconds: a pause loses at most half a second, and an overrun stays negative.
			return { ...f, timerStartedAt: null, timerRemainingSec: Math.round(timerRemainingMs(timer, now.getTime()) / 1000) };
		}
		case 'resume': {
			if (!timer || timer.startedAt) throw new DomainError('CONFLICT', 'the timer is not paused');
			const elapsedSec = timer.durationSec - (timer.remainingSec ?? timer.durationSec);
			return { ...f, timerStartedAt: new Date(now.getTime() - elapsedSec * 1000), timerRemainingSec: null };
		}
		case 'reset':
			if (!timer) throw new DomainError('CONFLICT', 'there is no timer');
			return { ...f, timerStartedAt: null, timerRemainingSec: timer.durationSec };
	}
}

/** A moderator starts, pauses, resumes or resets the timer of a live meeting. */
export async function runTimer(db: Db, actor: Actor, input: TimerPayload, now = new Date()): Promise<MeetingChanged> {
	await requireModerator(db, actor, input.meetingId);
	return mutateMeeting(db, input.meetingId, ['LIVE'], async (tx, meeting) => {
		await tx.meeting.update({ where: { id: meeting.id }, data: applyTimer(meeting, input, now) });
	});
}

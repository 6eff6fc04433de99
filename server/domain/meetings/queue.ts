// The speaker queue: members raise and lower their hands; the moderator gives the floor to
// the next, removes or reorders. Each raised hand is a SpeakerTurn row: waiting (no
// startedAt), speaking (startedAt, no endedAt), spoken (endedAt) or removed (removedAt).
import type { Db } from '../../db/client';
import type { HandPayload, QueuePayload } from '../../../shared/meeting-events';
import { zeroBySide } from '../../../shared/meeting-state';
import type { Side } from '../../../shared/sides';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { requireModerator, requireParticipant } from './meeting-access';
import { mutateMeeting, type Tx } from './meeting-transaction';
import type { MeetingChanged } from '../changes';

export interface TurnRow {
	id: string;
	personId: string;
	side: Side;
	position: number;
	raisedAt: Date;
	startedAt: Date | null;
	endedAt: Date | null;
	removedAt: Date | null;
}

const waiting = (t: TurnRow) => t.startedAt === null && t.removedAt === null;

/** Raised hands in calling order: by position, then by who raised first. */
export function queueOf<T extends TurnRow>(turns: T[]): T[] {
	return turns.filter(waiting).sort((a, b) => a.position - b.position || a.raisedAt.getTime() - b.raisedAt.getTime());
}

/** The turn that has the floor, if any. */
export function currentTurn<T extends TurnRow>(turns: T[]): T | null {
	return turns.find((t) => t.startedAt !== null && t.endedAt === null && t.removedAt === null) ?? null;
}

/** Seconds spoken per side: finished turns, plus the running one up to `now` when given. */
export function spokenBySide(turns: TurnRow[], now?: Date): Record<Side, number> {
	const out = zeroBySide();
	for (const t of turns) {
		if (!t.startedAt) continue;
		const end = t.endedAt ?? now;
		if (end) out[t.side] += Math.max(0, (end.getTime() - t.startedAt.getTime()) / 1000);
	}
	return out;
}

/** The queue's ids after moving one to `toIndex` (clamped to the queue). */
export function moveInQueue(ids: string[], turnId: string, toIndex: number): string[] {
	const rest = ids.filter((id) => id !== turnId);
	const at = Math.max(0, Math.min(rest.length, toIndex));
	return [...rest.slice(0, at), turnId, ...rest.slice(at)];
}

const turnsOf = (tx: Tx, meetingId: string): Promise<TurnRow[]> =>
	tx.speakerTurn.findMany({ where: { meetingId, endedAt: null, removedAt: null } });

/** A member raises (or lowers) their own hand in a live meeting. Raising twice is harmless. */
export async function raiseHand(db: Db, actor: Actor, { meetingId, raised }: HandPayload, now = new Date()): Promise<MeetingChanged> {
	const { personId, side } = await requireParticipant(db, actor, meetingId);
	return mutateMeeting(db, meetingId, ['LIVE'], async (tx) => {
		const open = (await turnsOf(tx, meetingId)).filter((t) => t.personId === personId);
		const mine = open.find(waiting);
		if (!raised) {
			if (mine) await tx.speakerTurn.update({ where: { id: mine.id }, data: { removedAt: now } });
			return;
		}
		if (mine) return;
		if (open.length) throw new DomainError('CONFLICT', 'you have the floor');
		const last = await tx.speakerTurn.aggregate({ where: { meetingId }, _max: { position: true } });
		await tx.speakerTurn.create({ data: { meetingId, personId, side, position: (last._max.position ?? 0) + 1, raisedAt: now } });
	});
}

/** The moderator runs the queue: next, end the current turn, remove, or move a hand. */
export async function runQueue(db: Db, actor: Actor, input: QueuePayload, now = new Date()): Promise<MeetingChanged> {
	await requireModerator(db, actor, input.meetingId);
	return mutateMeeting(db, input.meetingId, ['LIVE'], async (tx) => {
		const turns = await turnsOf(tx, input.meetingId);
		const current = currentTurn(turns);
		const queue = queueOf(turns);
		const endCurrent = async () => {
			if (current) await tx.speakerTurn.update({ where: { id: current.id }, data: { endedAt: now } });
		};
		switch (input.action) {
			case 'next':
				await endCurrent();
				if (queue[0]) await tx.speakerTurn.update({ where: { id: queue[0].id }, data: { startedAt: now } });
				return;
			case 'end':
				return endCurrent();
			case 'remove': {
				if (current?.id === input.turnId) return endCurrent();
				if (!queue.some((t) => t.id === input.turnId)) throw new DomainError('NOT_FOUND', 'no such raised hand');
				await tx.speakerTurn.update({ where: { id: input.turnId }, data: { removedAt: now } });
				return;
			}
			case 'move': {
				if (!queue.some((t) => t.id === input.turnId)) throw new DomainError('NOT_FOUND', 'no such raised hand');
				const order = moveInQueue(
					queue.map((t) => t.id),
					input.turnId,
					input.toIndex
				);
				// Renumbering the whole (short) queue keeps positions small whole numbers.
				for (const [i, id] of order.entries()) await tx.speakerTurn.update({ where: { id }, data: { position: i + 1 } });
				return;
			}
		}
	});
}

// What the meeting scenario's processes agree on: the load model, who is who, the agenda's
// layout and the presence each participant publishes (the browser's own shape).
import * as Y from 'yjs';
import { NO_SIDE_COLOUR, SIDE_COLOURS, type Side } from '../../shared/sides';
import type { Awareness } from 'y-protocols/awareness';
import type { ServerKind } from './collab-protocol';

/** A participant's agenda connection, full (a stock provider) or thin (thin-participant.ts). */
export interface AgendaClient {
	doc: Y.Doc;
	awareness: Awareness;
	connected(): boolean;
	synced(): boolean;
	/** Close codes the server sent (1006 when the connection just broke). */
	closes: number[];
	destroy(): void;
}

/** The load a room makes. Every participant publishes presence; `typists` of them type. */
export interface MeetingLoad {
	/** Participants who type in the notes: one keystroke (one character, then the caret
	 * moves after it) every `keystrokeMs`, as Tiptap sends them. */
	typists: number;
	keystrokeMs: number;
	/** Everyone else moves their caret (clicks, selects) once every `idleMoveMs`. */
	idleMoveMs: number;
	/** Full clients whose arrivals are recorded (edits and presence); spread over typists and others. */
	observers: number;
	/** Votes run one after another during the window; each member votes after a random
	 * delay in [0, voteSpreadMs] from seeing it open. */
	votes: number;
	voteSpreadMs: number;
	/** Hands raised in the room per minute (by different members; a hand stays up). */
	handsPerMinute: number;
	warmupSeconds: number;
	seconds: number;
	drainSeconds: number;
}

/** Participant i's Yjs client id (fixed, so an observer knows whose edit arrived). */
export const PARTICIPANT_CLIENT_BASE = 3_100_000_000;
export const clientIdOf = (i: number) => PARTICIPANT_CLIENT_BASE + i;

/** Agenda items created before the run; typist i writes in item i % ITEMS, in its own paragraph. */
export const ITEM_COUNT = 4;

export interface Participant {
	index: number;
	name: string;
	side: Side | null;
	typist: boolean;
	observer: boolean;
	/** Its agenda connection is a thin participant (bench/lib/thin-participant.ts), not a
	 * full stock provider; its Socket.IO client is the stock one all the same. */
	thin?: boolean;
	/** Rahkar: the member's Cookie header. */
	cookie?: string;
}

/** The awareness `user` field, as AgendaSession sets it. */
export const presenceUser = (p: Pick<Participant, 'name' | 'side'>) => ({
	name: p.name,
	side: p.side,
	color: p.side ? SIDE_COLOURS[p.side] : NO_SIDE_COLOUR
});

/** The awareness `cursor` field, as Tiptap's collaboration caret (y-tiptap) sets it: the
 * anchor and head as Yjs relative positions (serialised as JSON by the awareness protocol). */
export const caret = (text: Y.XmlText, anchor: number, head = anchor) => ({
	anchor: Y.createRelativePositionFromTypeIndex(text, anchor),
	head: Y.createRelativePositionFromTypeIndex(text, head)
});

/** Observers: spread over the typists and the others (about a third typists). */
export function pickObservers(n: number, typists: number, count: number): Set<number> {
	const picked = new Set<number>();
	const fromTypists = Math.min(typists, Math.round(count / 3));
	for (let k = 0; k < fromTypists; k++) picked.add(Math.floor((k * typists) / fromTypists));
	const rest = n - typists;
	const fromRest = Math.min(rest, count - fromTypists);
	for (let k = 0; k < fromRest; k++) picked.add(typists + Math.floor((k * rest) / fromRest));
	return picked;
}

/** When typist t's keystroke `seq` is due (open loop; phases spread over one period). */
export const keystrokeDue = (t0: number, load: MeetingLoad, typist: number, seq: number) =>
	t0 + (typist / Math.max(1, load.typists)) * load.keystrokeMs + seq * load.keystrokeMs;

/** When participant i's idle caret move `seq` is due (phases spread by the golden ratio). */
export const idleMoveDue = (t0: number, load: MeetingLoad, index: number, seq: number) =>
	t0 + ((index * 0.618034) % 1) * load.idleMoveMs + seq * load.idleMoveMs;

export interface MeetingTarget {
	kind: ServerKind;
	wsBase: string;
	httpBase: string;
	docName: string;
	/** Rahkar: the live meeting, for the Socket.IO clients. */
	meetingId?: string;
}

// Following a live meeting's room from its broadcasts, as every client does (the browser,
// the tests, the bench): the join's answer (or a whole room sent after a gap) replaces
// what is held; a patch applies when it follows the broadcast held; patches that arrive
// while joining wait for the answer; any other patch means the client must join again.
import { applyMeetingPatch, type MeetingPatch, type MeetingRoomView } from './meeting-state';

export type PatchOutcome = 'applied' | 'held' | 'rejoin';

export class MeetingRoomFollower {
	/** The room as held; null until the first join is answered. */
	view: MeetingRoomView | null = null;
	private joining = true;
	private early: MeetingPatch[] = [];

	/** A join was sent: patches wait for its answer. */
	joinSent(): void {
		this.joining = true;
		this.early = [];
	}

	/** The join's answer, or a whole room: replaces what is held, then applies the patches
	 * that arrived meanwhile and follow it. */
	take(view: MeetingRoomView): void {
		this.view = view;
		if (!this.joining) return;
		this.joining = false;
		for (const p of this.early.splice(0)) {
			const next = applyMeetingPatch(this.view, p);
			if (next) this.view = next;
		}
	}

	patch(p: MeetingPatch): PatchOutcome {
		if (this.joining || !this.view) {
			this.early.push(p);
			return 'held';
		}
		const next = applyMeetingPatch(this.view, p);
		if (!next) return 'rejoin';
		this.view = next;
		return 'applied';
	}
}

// The live meeting in the browser: one Socket.IO connection that joins the meeting's room,
// re-joins after every reconnect (and so receives the whole room again), applies the
// server's patches to what it holds (shared/meeting-state.ts), and sends the moderator's
// and members' actions.
import { holdAppSocket, type AppSocket } from '$lib/realtime/app-socket';
import type { Ack, ErrorCode, PresenceEntry } from '$shared/acks';
import type { MeetingPatch, MeetingRoomView, MeetingSnapshot, MeetingViewer } from '$shared/meeting-state';
import { MeetingRoomFollower } from '$shared/meeting-room-follower';

export type Connection = 'connecting' | 'live' | 'offline';

/** How long an action waits for the server before it counts as not sent. */
const ACK_TIMEOUT_MS = 8000;
/** How long a join that got no answer waits before it asks again. */
const RETRY_MS = 2000;

export class MeetingClient {
	state: MeetingSnapshot = $state()!;
	viewer: MeetingViewer = $state()!;
	present = $state<PresenceEntry[]>([]);
	connection = $state<Connection>('connecting');
	/** Why the last action was refused, until the next one succeeds. */
	refused = $state<ErrorCode | null>(null);
	/** The server's clock, ticking: timers and turns are computed from it. */
	now = $state(Date.now());
	private offset = 0;
	private socket: AppSocket | null = null;
	private release: (() => void) | null = null;
	private ticker: ReturnType<typeof setInterval> | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;
	/** The room as the server's broadcasts made it (state and present mirror it). */
	private room = new MeetingRoomFollower();

	constructor(initial: { state: MeetingSnapshot; viewer: MeetingViewer }) {
		this.state = initial.state;
		this.viewer = initial.viewer;
	}

	get meetingId(): string {
		return this.state.meeting.id;
	}

	/** Opens the connection (in the browser only). */
	connect(): void {
		// The tab's one shared socket (WebSocket only, so several nodes need no sticky sessions).
		const held = holdAppSocket();
		const socket = held.socket;
		this.socket = socket;
		const listeners: [string, (...args: never[]) => void][] = [
			['connect', () => void this.join()],
			['disconnect', () => this.offline()],
			['connect_error', () => this.offline()],
			['meeting:room', (r: MeetingRoomView & { meetingId: string }) => r.meetingId === this.meetingId && this.take(r)],
			['meeting:patch', (p: MeetingPatch) => p.meetingId === this.meetingId && this.patch(p)]
		];
		for (const [event, fn] of listeners) socket.on(event as 'connect', fn as () => void);
		const onReconnecting = () => (this.connection = this.connection === 'live' ? 'offline' : this.connection);
		socket.io.on('reconnect_attempt', onReconnecting);
		this.release = () => {
			for (const [event, fn] of listeners) socket.off(event as 'connect', fn as () => void);
			socket.io.off('reconnect_attempt', onReconnecting);
			held.release();
		};
		if (socket.connected) void this.join();
		this.ticker = setInterval(() => (this.now = Date.now() + this.offset), 250);
	}

	private offline(): void {
		this.connection = 'offline';
		this.room.joinSent(); // patches wait until the next join is answered
	}

	private async join(): Promise<void> {
		if (this.retry) clearTimeout(this.retry);
		this.retry = null;
		this.connection = 'connecting';
		this.room.joinSent();
		const reply = await this.socket!.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('meeting:join', { meetingId: this.meetingId })
			.catch(() => null);
		if (!reply || !reply.ok) {
			this.connection = 'offline';
			// No answer (a busy server) or a passing failure: Socket.IO will not reconnect a
			// socket that stays connected, so ask again rather than stay stale until a reload.
			if (!reply || reply.code === 'UNAVAILABLE') this.retry = setTimeout(() => this.socket?.connected && void this.join(), RETRY_MS);
			return;
		}
		this.viewer = reply.viewer;
		this.take(reply);
		this.connection = 'live';
	}

	/** The whole room: replaces what is held. */
	private take(view: MeetingRoomView): void {
		this.room.take(view);
		this.mirror();
	}

	private patch(p: MeetingPatch): void {
		const outcome = this.room.patch(p);
		// A patch from another broadcast than the one held (not expected from one node):
		// ask for the whole room again rather than guess.
		if (outcome === 'rejoin') return void this.join();
		if (outcome === 'applied') this.mirror();
	}

	private mirror(): void {
		const view = this.room.view!;
		if (view.present !== this.present) this.present = view.present;
		this.setState(view.state);
	}

	/** Takes the page's data after a plain form action, if it is newer than what the socket
	 * delivered. While the socket is live its next patch follows, so only the small parts are
	 * taken; the lists stay as the server's broadcasts made them. */
	offer(s: MeetingSnapshot): void {
		if (s.version <= this.state.version) return;
		this.setState(this.room.view === null ? s : { ...s, roster: this.state.roster, attendance: this.state.attendance });
	}

	private setState(s: MeetingSnapshot): void {
		this.offset = Date.parse(s.serverNow) - Date.now();
		this.now = Date.now() + this.offset;
		this.state = s;
	}

	private async ack(sent: Promise<Ack<{ version: number }>> | null): Promise<boolean> {
		const reply = sent ? await sent.catch(() => null) : null;
		this.refused = reply?.ok ? null : (reply?.code ?? 'UNAVAILABLE');
		return reply?.ok ?? false;
	}

	private get live() {
		return this.socket?.connected ? this.socket.timeout(ACK_TIMEOUT_MS) : null;
	}

	private ref() {
		return { meetingId: this.meetingId };
	}

	start = () => this.ack(this.live?.emitWithAck('meeting:start', this.ref()) ?? null);
	close = () => this.ack(this.live?.emitWithAck('meeting:close', this.ref()) ?? null);
	setCurrentItem = (itemId: string | null) => this.ack(this.live?.emitWithAck('meeting:current', { ...this.ref(), itemId }) ?? null);
	startTimer = (itemId: string, durationSec: number) =>
		this.ack(this.live?.emitWithAck('meeting:timer', { ...this.ref(), action: 'start', itemId, durationSec }) ?? null);
	timer = (action: 'pause' | 'resume' | 'reset') => this.ack(this.live?.emitWithAck('meeting:timer', { ...this.ref(), action }) ?? null);
	hand = (raised: boolean) => this.ack(this.live?.emitWithAck('meeting:hand', { ...this.ref(), raised }) ?? null);
	next = () => this.ack(this.live?.emitWithAck('meeting:queue', { ...this.ref(), action: 'next' }) ?? null);
	endTurn = () => this.ack(this.live?.emitWithAck('meeting:queue', { ...this.ref(), action: 'end' }) ?? null);
	removeTurn = (turnId: string) => this.ack(this.live?.emitWithAck('meeting:queue', { ...this.ref(), action: 'remove', turnId }) ?? null);
	moveTurn = (turnId: string, toIndex: number) =>
		this.ack(this.live?.emitWithAck('meeting:queue', { ...this.ref(), action: 'move', turnId, toIndex }) ?? null);
	checkIn = (present: boolean) => this.ack(this.live?.emitWithAck('meeting:checkin', { ...this.ref(), present }) ?? null);
	mark = (personId: string, present: boolean) =>
		this.ack(this.live?.emitWithAck('meeting:attendance', { ...this.ref(), personId, present }) ?? null);

	destroy(): void {
		if (this.ticker) clearInterval(this.ticker);
		if (this.retry) clearTimeout(this.retry);
		this.release?.();
		this.release = null;
		this.socket = null;
	}
}

// A meeting's votes in the browser, on the tab's one shared socket: watches the meeting's
// votes, watches again after every reconnect (and so receives the whole state again), keeps
// the newest state, and sends the moderator's and members' actions.
import { holdAppSocket, type AppSocket } from '$lib/realtime/app-socket';
import type { Ack, ErrorCode } from '$shared/acks';
import type { BallotChoice, DecisionOutcome } from '$shared/proposals';
import type { VoteViewer, VotingState } from '$shared/vote-events';

export type Connection = 'connecting' | 'live' | 'offline';

const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 2000;

export class VoteClient {
	state = $state<VotingState | null>(null);
	viewer = $state<VoteViewer | null>(null);
	connection = $state<Connection>('connecting');
	/** Why the last action was refused (a field code such as "already_voted", or an error code). */
	refused = $state<string | null>(null);
	private socket: AppSocket | null = null;
	private release: (() => void) | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;

	constructor(
		readonly meetingId: string,
		initial: { state: VotingState; viewer: VoteViewer } | null = null
	) {
		this.state = initial?.state ?? null;
		this.viewer = initial?.viewer ?? null;
	}

	connect(): void {
		const held = holdAppSocket();
		const socket = held.socket;
		this.socket = socket;
		const onConnect = () => void this.watch();
		const onOffline = () => (this.connection = 'offline');
		const onState = (s: VotingState) => this.accept(s);
		socket.on('connect', onConnect);
		socket.on('disconnect', onOffline);
		socket.on('connect_error', onOffline);
		socket.on('vote:state', onState);
		this.release = () => {
			socket.off('connect', onConnect);
			socket.off('disconnect', onOffline);
			socket.off('connect_error', onOffline);
			socket.off('vote:state', onState);
			held.release();
		};
		if (socket.connected) void this.watch();
	}

	private async watch(): Promise<void> {
		if (this.retry) clearTimeout(this.retry);
		this.retry = null;
		this.connection = 'connecting';
		const reply = await this.socket!.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('vote:watch', { meetingId: this.meetingId })
			.catch(() => null);
		if (!reply?.ok) {
			this.connection = 'offline';
			// As the meeting's join does: a watch that got no answer asks again.
			if (!reply || reply.code === 'UNAVAILABLE') this.retry = setTimeout(() => this.socket?.connected && void this.watch(), RETRY_MS);
			return;
		}
		this.viewer = reply.viewer;
		this.accept(reply.state, true);
		this.connection = 'live';
	}

	/** Takes a state from elsewhere (the page's data after a form action) if it is not older. */
	offer(s: VotingState, viewer: VoteViewer): void {
		if (this.state && s.version < this.state.version) return;
		this.viewer = viewer;
		this.state = s;
	}

	/** Keeps a state unless a newer one already arrived (broadcasts may cross). */
	private accept(s: VotingState, force = false): void {
		if (s.meetingId !== this.meetingId) return;
		if (!force && this.state && s.version < this.state.version) return;
		// A new open vote means no ballot of ours yet.
		if (this.viewer && s.open?.voteId !== this.state?.open?.voteId) this.viewer = { ...this.viewer, myBallot: null };
		this.state = s;
	}

	private timed() {
		return this.socket?.connected ? this.socket.timeout(ACK_TIMEOUT_MS) : null;
	}

	private async settle<T extends object>(sent: Promise<Ack<T>> | undefined): Promise<(T & { ok: true }) | null> {
		const reply = sent ? await sent.catch(() => null) : null;
		if (reply?.ok) {
			this.refused = null;
			return reply;
		}
		this.refused = reply && !reply.ok ? (fieldCode(reply.message) ?? reply.code) : ('UNAVAILABLE' satisfies ErrorCode);
		return null;
	}

	get live(): boolean {
		return this.connection === 'live';
	}

	open = (proposalId: string) => this.settle(this.timed()?.emitWithAck('vote:open', { meetingId: this.meetingId, proposalId }));
	close = (voteId: string) => this.settle(this.timed()?.emitWithAck('vote:close', { meetingId: this.meetingId, voteId }));
	consensus = (proposalId: string, outcome: DecisionOutcome, text: string) =>
		this.settle(this.timed()?.emitWithAck('vote:consensus', { meetingId: this.meetingId, proposalId, outcome, text }));
	cast = async (voteId: string, choice: BallotChoice) => {
		const reply = await this.settle(this.timed()?.emitWithAck('vote:cast', { meetingId: this.meetingId, voteId, choice }));
		if (reply && this.viewer) this.viewer = { ...this.viewer, myBallot: reply.choice };
		return reply;
	};

	destroy(): void {
		if (this.retry) clearTimeout(this.retry);
		this.release?.();
		this.release = null;
		this.socket = null;
	}
}

/** The domain names the reasons a panel explains with a short code as the message. */
const REASONS = new Set(['already_voted', 'not_present', 'vote_closed', 'not_live', 'vote_open', 'not_in_review', 'stale']);
const fieldCode = (message: string | undefined): string | null => (message && REASONS.has(message) ? message : null);

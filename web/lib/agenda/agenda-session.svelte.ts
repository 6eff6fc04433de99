// One meeting's agenda in the browser: the Yjs document, kept in IndexedDB so edits made
// offline survive a reload, synced with Rahkar's collab server, with live items and a
// save status for the page. Once the meeting closes the agenda is read-only; an edit the
// server refused (made offline while the meeting was live, say) is reported and dropped:
// the local copy is deleted and the document read afresh from the server, so the page and
// the record agree.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, RefusedReason } from '$shared/collab';
import {
	addItem,
	agendaItems,
	ITEMS,
	moveItem,
	removeItemUndoably,
	updateItem,
	type AgendaItem,
	type AgendaItemPatch,
	type Removal
} from '$shared/agenda';
import { agendaDocumentName } from '$shared/documents';
import { NO_SIDE_COLOUR, SIDE_COLOURS, type Side } from '$shared/sides';
import { SaveTracker } from './save-tracker';
import { deleteOfflineCopy, deleteOthersCopies, holdOfflineCopy, offlineCopyName } from './offline-copies';

export type SaveStatus = 'connecting' | 'saving' | 'saved' | 'offline' | 'refused';

export interface AgendaUser {
	name: string;
	side: Side | null;
}

export interface PeerPresence {
	clientId: number;
	name: string;
	side: Side | null;
	color: string;
}

export class AgendaSession {
	/** Replaced (with the provider) when a refused edit makes us read the document afresh. */
	doc = $state.raw<Y.Doc>()!;
	provider = $state.raw<WebsocketProvider>()!;
	/** The meeting closed or was cancelled: its agenda is part of the minutes now. */
	frozen = $state(false);
	/** Why the server refused this browser's edits, once it has (they were then dropped). */
	refused = $state<RefusedReason | null>(null);
	items = $state<AgendaItem[]>([]);
	status = $state<SaveStatus>('connecting');
	/** Edits exist that the server has not confirmed (shown with the offline state). */
	unsaved = $state(false);
	peers = $state<PeerPresence[]>([]);
	/** The item this user removed last, which one tap brings back (with its notes). */
	removed = $state.raw<AgendaItem | null>(null);
	private removal: Removal | null = null;
	/** Whether the user's seat lets them edit agendas at all. */
	private readonly mayEdit: boolean;
	private readonly name: string;
	private readonly copyName: string;
	private readonly user: AgendaUser;
	private local!: IndexeddbPersistence;
	private tracker!: SaveTracker;
	private releaseCopy: () => void = () => {};
	private connected = false;
	private rebuilding = false;
	private destroyed = false;

	constructor(options: { meetingId: string; userId: string; canEdit: boolean; frozen?: boolean; user: AgendaUser }) {
		this.mayEdit = options.canEdit;
		this.frozen = options.frozen ?? false;
		this.user = options.user;
		this.name = agendaDocumentName(options.meetingId);
		this.copyName = offlineCopyName(options.userId, this.name);
		// Whatever another user left in this browser is not ours to load, nor to keep.
		void deleteOthersCopies(options.userId);
		this.open();
	}

	/** The user may change the agenda now: their seat allows it, the meeting is not closed
	 * and the server has not refused their edits. */
	get canEdit(): boolean {
		return this.mayEdit && !this.frozen && this.refused === null;
	}

	/** Follows the meeting: once closed (or cancelled) nothing here may change any more. */
	freeze(frozen: boolean): void {
		if (frozen === this.frozen) return;
		this.frozen = frozen;
		this.refreshStatus();
	}

	/** Builds the document, its local copy and its connection. */
	private open(): void {
		const doc = new Y.Doc();
		this.connected = false;
		this.tracker = new SaveTracker(doc);
		const local = new IndexeddbPersistence(this.copyName, doc);
		this.local = local;
		this.releaseCopy = holdOfflineCopy(() => local.destroy());
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		const provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, this.name, doc, { params: { acks: '1' } });
		provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
			this.tracker.acknowledge(decoding.readVarUint8Array(decoder));
			this.refreshStatus();
		};
		// The server's sync step 1 says what it has: a read-only client waits for nothing more.
		const sync = provider.messageHandlers[MessageType.sync];
		provider.messageHandlers[MessageType.sync] = (encoder, decoder, p, emitSynced, type) => {
			const peek = decoding.clone(decoder);
			if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) this.tracker.serverHas(decoding.readVarUint8Array(peek));
			sync(encoder, decoder, p, emitSynced, type);
		};
		provider.messageHandlers[MessageType.refused] = (_encoder, decoder) => {
			const reason = decoding.readVarString(decoder);
			this.refused = reason === RefusedReason.closed ? RefusedReason.closed : RefusedReason.readOnly;
			this.refreshStatus();
			// Not from inside the provider's own message handler, which is still running.
			setTimeout(() => void this.rebuild());
		};
		provider.on('status', ({ status }) => {
			if (this.provider !== provider) return;
			this.connected = status === 'connected';
			this.refreshStatus();
		});
		provider.on('sync', () => {
			if (this.provider === provider) this.refreshStatus();
		});
		provider.awareness.setLocalStateField('user', {
			name: this.user.name,
			side: this.user.side,
			color: this.user.side ? SIDE_COLOURS[this.user.side] : NO_SIDE_COLOUR
		});
		provider.awareness.on('change', () => {
			if (this.provider === provider) this.refreshPeers();
		});
		doc.getMap(ITEMS).observeDeep(() => (this.items = agendaItems(doc)));
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === provider) this.tracker.received(update);
			if (this.doc === doc) this.refreshStatus();
		});
		local.on('synced', () => {
			if (this.doc === doc) this.items = agendaItems(doc);
		});
		this.doc = doc;
		this.provider = provider;
		this.items = agendaItems(doc);
		this.refreshPeers();
		this.refreshStatus();
	}

	/** After a refusal: drops the local document and its copy (with the refused edits in
	 * it) and reads the document afresh from the server. */
	private async rebuild(): Promise<void> {
		if (this.rebuilding || this.destroyed) return;
		this.rebuilding = true;
		const { doc, provider, local } = this;
		this.forgetRemoval();
		provider.destroy();
		this.releaseCopy();
		await local.destroy().catch(() => {});
		await deleteOfflineCopy(this.copyName);
		if (!this.destroyed) this.open();
		doc.destroy();
		this.rebuilding = false;
	}

	private refreshStatus(): void {
		if (!this.provider) return;
		if (this.refused) {
			// What was refused is gone; say so until the page is left.
			this.unsaved = false;
			this.status = 'refused';
			return;
		}
		// A client whose edits the server no longer takes waits only for a refusal of what the
		// server lacks; one that never could edit has nothing to wait for.
		const saved = this.mayEdit && this.frozen ? this.tracker.nothingNew : this.tracker.allSaved;
		this.unsaved = !saved;
		if (!this.connected) this.status = this.provider.wsconnecting && !this.unsaved ? 'connecting' : 'offline';
		else if (!this.provider.synced) this.status = 'connecting';
		else this.status = saved || !this.mayEdit ? 'saved' : 'saving';
	}

	private refreshPeers(): void {
		const peers: PeerPresence[] = [];
		this.provider.awareness.getStates().forEach((state, clientId) => {
			const user = state.user as { name?: string; side?: Side | null; color?: string } | undefined;
			if (user?.name) peers.push({ clientId, name: user.name, side: user.side ?? null, color: user.color ?? '#4a5553' });
		});
		this.peers = peers;
	}

	add(fields: AgendaItemPatch = {}, index?: number): string {
		return addItem(this.doc, fields, index);
	}
	update(id: string, patch: AgendaItemPatch): void {
		updateItem(this.doc, id, patch);
	}
	move(id: string, index: number): void {
		moveItem(this.doc, id, index);
	}
	/** Removes an item; `undoRemove()` brings it back until the next removal. */
	remove(id: string): void {
		const item = this.items.find((i) => i.id === id) ?? null;
		this.forgetRemoval();
		this.removal = removeItemUndoably(this.doc, id);
		this.removed = item;
	}
	undoRemove(): void {
		if (this.canEdit) this.removal?.undo();
		this.forgetRemoval();
	}
	forgetRemoval(): void {
		this.removal?.forget();
		this.removal = null;
		this.removed = null;
	}

	destroy(): void {
		this.destroyed = true;
		this.forgetRemoval();
		this.provider.destroy();
		this.releaseCopy();
		void this.local.destroy();
		this.doc.destroy();
	}
}

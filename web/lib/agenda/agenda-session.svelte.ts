// One meeting's agenda in the browser: the Yjs document, kept in IndexedDB so edits made
// offline survive a reload, synced with Rahkar's collab server, with live items and a
// save status for the page.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { MessageType } from '$shared/collab';
import { addItem, agendaItems, ITEMS, moveItem, removeItem, updateItem, type AgendaItem, type AgendaItemPatch } from '$shared/agenda';
import { agendaDocumentName } from '$shared/documents';
import type { Side } from '$shared/sides';
import { SaveTracker } from './save-tracker';

export type SaveStatus = 'connecting' | 'saving' | 'saved' | 'offline';

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

const SIDE_COLOURS: Record<Side, string> = {
	ENTREPRENEUR: '#c0510f',
	EXPERT: '#2457c5',
	AGENCY: '#6a3fb5',
	LEGAL: '#0f766e',
	MEDIA: '#b3245f',
	EXECUTOR: '#3b7d23'
};

export class AgendaSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	readonly canEdit: boolean;
	items = $state<AgendaItem[]>([]);
	status = $state<SaveStatus>('connecting');
	/** Edits exist that the server has not confirmed (shown with the offline state). */
	unsaved = $state(false);
	peers = $state<PeerPresence[]>([]);
	private readonly local: IndexeddbPersistence;
	private readonly tracker: SaveTracker;
	private connected = false;

	constructor(options: { meetingId: string; canEdit: boolean; user: AgendaUser }) {
		this.canEdit = options.canEdit;
		const name = agendaDocumentName(options.meetingId);
		this.tracker = new SaveTracker(this.doc);
		this.local = new IndexeddbPersistence(`rahkar:${name}`, this.doc);
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, name, this.doc, { params: { acks: '1' } });
		this.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
			this.tracker.acknowledge(decoding.readVarUint8Array(decoder));
			this.refreshStatus();
		};
		this.provider.on('status', ({ status }) => {
			this.connected = status === 'connected';
			this.refreshStatus();
		});
		this.provider.on('sync', () => this.refreshStatus());
		this.provider.awareness.setLocalStateField('user', {
			name: options.user.name,
			side: options.user.side,
			color: options.user.side ? SIDE_COLOURS[options.user.side] : '#4a5553'
		});
		this.provider.awareness.on('change', () => this.refreshPeers());
		this.doc.getMap(ITEMS).observeDeep(() => (this.items = agendaItems(this.doc)));
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === this.provider) this.tracker.received(update);
			this.refreshStatus();
		});
		this.local.on('synced', () => (this.items = agendaItems(this.doc)));
		this.items = agendaItems(this.doc);
		this.refreshPeers();
	}

	private refreshStatus(): void {
		const saved = this.tracker.allSaved;
		this.unsaved = !saved;
		if (!this.connected) this.status = this.provider.wsconnecting && !this.unsaved ? 'connecting' : 'offline';
		else if (!this.provider.synced) this.status = 'connecting';
		else this.status = saved || !this.canEdit ? 'saved' : 'saving';
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
	remove(id: string): void {
		removeItem(this.doc, id);
	}

	destroy(): void {
		this.provider.destroy();
		void this.local.destroy();
		this.doc.destroy();
	}
}

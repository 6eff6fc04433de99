// The room's presence messages are built from each state's entry as it was last encoded
// (server/collab/presence.ts), not by y-protocols' encodeAwarenessUpdate: these tests hold
// them to the same bytes, through new states, renewals, removals and other nodes' states.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { Presence } from '../../server/collab/presence';
import type { Peer } from '../../server/collab/peer';
import { MessageType } from '../../shared/collab';

function peerOf(userId: string): Peer & { sent: Uint8Array[] } {
	const sent: Uint8Array[] = [];
	return { userId, canEdit: true, wantsAcks: false, sent, send: (m) => void sent.push(m), close: () => {} };
}

/** A browser's awareness: its updates as the stock provider sends them. */
function client(state: Record<string, unknown>) {
	const awareness = new awarenessProtocol.Awareness(new Y.Doc());
	awareness.setLocalState(state);
	return { awareness, update: () => awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]) };
}

/** The awareness update inside a presence message. */
function payloadOf(message: Uint8Array): Uint8Array {
	const decoder = decoding.createDecoder(message);
	expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
	return decoding.readVarUint8Array(decoder);
}

describe('presence messages', () => {
	it('a joiner’s snapshot has the same bytes y-protocols would encode, through updates and removals', () => {
		const presence = new Presence(new Y.Doc(), () => new Set());
		const peers = [peerOf('a'), peerOf('b'), peerOf('c')];
		const clients = peers.map((_, i) => client({ user: { name: `نام ${i}`, color: '#123456' }, cursor: null }));
		for (const [i, peer] of peers.entries()) {
			presence.join(peer);
			presence.receive(peer, clients[i].update());
		}
		const expected = () => awarenessProtocol.encodeAwarenessUpdate(presence.awareness, [...presence.awareness.getStates().keys()]);
		expect(payloadOf(presence.snapshotFor()!)).toEqual(expected());

		// A caret moves (a new state) and another client renews its state (same state, new clock).
		clients[0].awareness.setLocalStateField('cursor', { anchor: 3, head: 5 });
		presence.receive(peers[0], clients[0].update());
		clients[1].awareness.setLocalState(clients[1].awareness.getLocalState());
		presence.receive(peers[1], clients[1].update());
		expect(payloadOf(presence.snapshotFor()!)).toEqual(expected());
		const [, decodedState] = [...decodeStates(payloadOf(presence.snapshotFor()!))].find(([id]) => id === clients[0].awareness.clientID)!;
		expect(decodedState).toEqual({ user: { name: 'نام 0', color: '#123456' }, cursor: { anchor: 3, head: 5 } });

		// One leaves: gone from the snapshot. Another node's client arrives: encoded like ours.
		presence.leave(peers[2]);
		const remote = client({ user: { name: 'elsewhere' } });
		presence.applyRemote(remote.update());
		const ids = [...presence.awareness.getStates().keys()];
		expect(ids).not.toContain(clients[2].awareness.clientID);
		expect(ids).toContain(remote.awareness.clientID);
		expect(payloadOf(presence.snapshotFor()!)).toEqual(expected());
		presence.destroy();
	});

	it('an echo of an older state does not replace what is sent of the newer one', () => {
		const presence = new Presence(new Y.Doc(), () => new Set());
		const peer = peerOf('a');
		presence.join(peer);
		const c = client({ cursor: 1 });
		const first = c.update();
		presence.receive(peer, first);
		c.awareness.setLocalStateField('cursor', 2);
		presence.receive(peer, c.update());
		presence.receive(peer, first); // the stock provider's echo of a state it had sent before
		expect(decodeStates(payloadOf(presence.snapshotFor()!)).get(c.awareness.clientID)).toEqual({ cursor: 2 });
		presence.destroy();
	});
});

function decodeStates(update: Uint8Array): Map<number, unknown> {
	const decoder = decoding.createDecoder(update);
	const out = new Map<number, unknown>();
	for (let n = decoding.readVarUint(decoder); n > 0; n--) {
		const id = decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		out.set(id, JSON.parse(decoding.readVarString(decoder)));
	}
	return out;
}

// A participant's agenda connection that costs the generator almost nothing, for rooms too
// large for every participant to be a full client on one core (BENCH.md). On the wire it
// does what the stock y-websocket provider does, except keep a copy of the document:
//   - sync: asks for the document (step 1) and answers the server's step 1 with an empty
//     step 2 (it has written nothing); the updates the server relays are read off the
//     socket and dropped, never decoded;
//   - presence: publishes the browser's state (name, side, colour, a Tiptap caret) through a
//     real y-protocols Awareness, renewed as the stock provider renews it, and re-sends
//     every presence message it receives, as the stock provider re-sends every change it
//     applies (the bytes it would send are the entries it received, so they are echoed
//     as they came, without decoding them);
//   - it does not reconnect (the run reports its close codes).
// Figures measured with thin participants are server figures and are labelled so.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { MessageType } from '../../shared/collab';
import { documentUrl } from './collab-protocol';
import type { AgendaClient, MeetingTarget } from './meeting-plan';
import { ThinSocket } from './thin-ws';

const STEP1 = 0;
const STEP2 = 1;
/** An update that holds nothing. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, type);
	write(e);
	return encoding.toUint8Array(e);
}

/** `doc` gives the client id; it stays empty (nothing is applied to it). */
export function thinYjsClient(target: MeetingTarget, doc: Y.Doc, cookie?: string): AgendaClient {
	if (target.kind === 'hocuspocus') throw new Error('thin participants speak the y-websocket protocol (Rahkar, @y/websocket-server)');
	const awareness = new Awareness(doc);
	let socket: ThinSocket | null = null;
	let synced = false;
	let destroyed = false;
	const client: AgendaClient = {
		doc,
		awareness,
		connected: () => socket !== null && !socket.closed,
		synced: () => synced,
		closes: [],
		destroy: () => {
			destroyed = true;
			awareness.destroy();
			socket?.close();
		}
	};
	const sendPresence = () =>
		socket?.send(message(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]))));
	awareness.on('update', (_: unknown, origin: unknown) => origin === 'local' && sendPresence());

	const url =
		documentUrl({ kind: target.kind, wsBase: target.wsBase, docName: target.docName }) + (target.kind === 'rahkar' ? '?acks=1' : '');
	const headers: Record<string, string> = { Origin: target.httpBase };
	if (cookie) headers.Cookie = cookie;
	void ThinSocket.connect({
		url,
		headers,
		onMessage: (data, start, end) => {
			const type = data[start];
			if (type === MessageType.awareness) {
				socket?.send(data.subarray(start, end)); // as the stock provider re-sends what it received
			} else if (type === MessageType.sync) {
				const kind = data[start + 1];
				if (kind === STEP1)
					socket?.send(message(MessageType.sync, (e) => (encoding.writeVarUint(e, STEP2), encoding.writeVarUint8Array(e, EMPTY_UPDATE))));
				else if (kind === STEP2) synced = true;
			}
		},
		onClose: (code) => {
			client.closes.push(code);
		}
	}).then(
		(s) => {
			if (destroyed) return s.close();
			socket = s;
			s.send(message(MessageType.sync, (e) => (encoding.writeVarUint(e, STEP1), encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)))));
			if (awareness.getLocalState() !== null) sendPresence();
		},
		() => client.closes.push(1006)
	);
	return client;
}

/** A paragraph in a document of its own, for a thin participant's caret: the caret's JSON
 * has the size and shape of a real one (relative positions into a Y.XmlText). */
export function caretParagraph(clientId: number): Y.XmlText {
	const doc = new Y.Doc();
	doc.clientID = clientId;
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText('یادداشت: ');
	paragraph.insert(0, [text]);
	doc.getXmlFragment('notes').insert(0, [paragraph]);
	return text;
}
